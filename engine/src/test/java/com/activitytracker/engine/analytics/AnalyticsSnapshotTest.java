package com.activitytracker.engine.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class AnalyticsSnapshotTest {

    @Test
    void eventTypesIterateFromMostFrequentThenByName() {
        assertThat(ContractExample.snapshot().eventTypes().keySet()).containsExactly("page_view", "click", "purchase");
    }

    @Test
    void eventTypesCannotBeChanged() {
        Map<String, Long> eventTypes = ContractExample.snapshot().eventTypes();

        assertThatThrownBy(() -> eventTypes.put("click", 1L)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void laterChangesToTheInputsDoNotReachTheSnapshot() {
        Map<String, Long> types = new HashMap<>(Map.of("click", 1L));
        List<AnalyticsSnapshot.CategoryCount> categories = new ArrayList<>();
        AnalyticsSnapshot snapshot = new AnalyticsSnapshot(
                Instant.EPOCH,
                1,
                0,
                types,
                0,
                0,
                1,
                0,
                new AnalyticsSnapshot.Funnel(0, 0, 0, 0),
                true,
                0,
                0,
                categories);

        types.put("click", 99L);
        categories.add(new AnalyticsSnapshot.CategoryCount("books", 1));

        assertThat(snapshot.eventTypes()).containsEntry("click", 1L);
        assertThat(snapshot.topCategories()).isEmpty();
    }

    @Test
    void eventTypePercentageIsShareOfAllValidEvents() {
        AnalyticsSnapshot snapshot = ContractExample.snapshot();

        assertThat(snapshot.eventTypePercentage("page_view")).isCloseTo(60.0, within(1e-9));
        assertThat(snapshot.eventTypePercentage("purchase")).isCloseTo(2.0, within(1e-9));
        assertThat(snapshot.eventTypePercentage("logout")).isZero();
    }

    @Test
    void eventTypePercentageIsZeroWithoutEvents() {
        AnalyticsSnapshot empty = new AnalyticsSnapshot(
                Instant.EPOCH,
                0,
                3,
                Map.of(),
                0,
                0,
                0,
                0,
                new AnalyticsSnapshot.Funnel(0, 0, 0, 0),
                true,
                0,
                0,
                List.of());

        assertThat(empty.eventTypePercentage("click")).isZero();
    }

    @Test
    void averageOrderValueIsRevenuePerPurchase() {
        assertThat(ContractExample.snapshot().averageOrderValue()).isCloseTo(999.99, within(1e-9));
    }

    @Test
    void conversionRateIsPurchaseUsersPerPageViewUser() {
        assertThat(new AnalyticsSnapshot.Funnel(150, 40, 15, 10).conversionRate())
                .isCloseTo(10 / 150.0, within(1e-12));
        assertThat(new AnalyticsSnapshot.Funnel(0, 0, 0, 3).conversionRate()).isZero();
    }
}
