package com.activitytracker.engine.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.activitytracker.engine.event.ActivityEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class AnalyticsStateTest {
    private static final Instant T0 = Instant.parse("2026-11-26T10:30:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private AnalyticsState state;

    /**
     * Four users, four sessions (one event has none), eleven events. Hand counts:
     * page_view 4, add_to_cart 2, purchase 2, checkout 1, click 1, search 1; revenue 1,020.00 over
     * 2 purchases; funnel users page_view {u1,u2,u3}, add_to_cart {u1,u2}, checkout {u1},
     * purchase {u1,u2}.
     */
    private static final List<ActivityEvent> SHOP_DAY = List.of(
            event("e1", "page_view", "u1", "s1").category("electronics").build(),
            event("e2", "page_view", "u2", "s2").category("books").build(),
            event("e3", "page_view", "u1", "s1").category("electronics").build(),
            event("e4", "click", "u1", "s1").build(),
            event("e5", "add_to_cart", "u1", "s1")
                    .category("electronics")
                    .price(999.99)
                    .build(),
            event("e6", "add_to_cart", "u2", "s2")
                    .category("books")
                    .price(20.01)
                    .build(),
            event("e7", "checkout", "u1", "s1").build(),
            event("e8", "purchase", "u1", "s1")
                    .category("electronics")
                    .amount(999.99)
                    .build(),
            event("e9", "page_view", "u3", null).build(),
            event("e10", "purchase", "u2", "s3").category("books").amount(20.01).build(),
            event("e11", "search", "u4", "s4").query("lamp").build());

    @BeforeEach
    void createState() {
        state = new AnalyticsState(clock);
    }

    @Test
    void countsEventsPerTypeAsCountedByHand() {
        SHOP_DAY.forEach(state::record);

        AnalyticsSnapshot s = state.snapshot();

        assertThat(s.eventsTotal()).isEqualTo(11);
        assertThat(s.eventTypes())
                .containsExactly(
                        entry("page_view", 4),
                        entry("add_to_cart", 2),
                        entry("purchase", 2),
                        entry("checkout", 1),
                        entry("click", 1),
                        entry("search", 1));
    }

    @Test
    void sumsRevenueOverPurchasesOnly() {
        SHOP_DAY.forEach(state::record);

        AnalyticsSnapshot s = state.snapshot();

        assertThat(s.purchases()).isEqualTo(2);
        assertThat(s.revenueTotal()).isCloseTo(1020.00, within(1e-9));
        assertThat(s.averageOrderValue()).isCloseTo(510.00, within(1e-9));
    }

    @Test
    void countsDistinctUsersAndSessions() {
        SHOP_DAY.forEach(state::record);

        AnalyticsSnapshot s = state.snapshot();

        assertThat(s.uniqueUsers()).isEqualTo(4);
        assertThat(s.uniqueSessions()).isEqualTo(4);
        assertThat(s.distinctCountsExact()).isTrue();
    }

    @Test
    void funnelCountsDistinctUsersPerStep() {
        SHOP_DAY.forEach(state::record);

        AnalyticsSnapshot.Funnel funnel = state.snapshot().funnel();

        assertThat(funnel).isEqualTo(new AnalyticsSnapshot.Funnel(3, 2, 1, 2));
        assertThat(funnel.conversionRate()).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void invalidRecordsAreCountedOnlyInInvalidRecords() {
        state.record(event("e1", "page_view", "u1", "s1").build());
        state.recordInvalid();
        state.recordInvalid();

        AnalyticsSnapshot s = state.snapshot();

        assertThat(s.invalidRecords()).isEqualTo(2);
        assertThat(s.eventsTotal()).isEqualTo(1);
        assertThat(s.eventTypes()).containsExactly(entry("page_view", 1));
        assertThat(s.uniqueUsers()).isEqualTo(1);
        assertThat(s.eventsPerSecond()).isEqualTo(1.0);
    }

    @Test
    void eventsWithoutSessionIdAddNoSession() {
        state.record(event("e1", "page_view", "u1", null).build());
        state.record(event("e2", "click", "u1", "").build());
        state.record(event("e3", "click", "u2", "s1").build());

        AnalyticsSnapshot s = state.snapshot();

        assertThat(s.uniqueSessions()).isEqualTo(1);
        assertThat(s.uniqueUsers()).isEqualTo(2);
    }

    @Test
    void conversionRateIsZeroWithoutPageViews() {
        state.record(event("e1", "purchase", "u1", "s1").amount(5.0).build());

        AnalyticsSnapshot.Funnel funnel = state.snapshot().funnel();

        assertThat(funnel.pageViewUsers()).isZero();
        assertThat(funnel.purchaseUsers()).isEqualTo(1);
        assertThat(funnel.conversionRate()).isZero();
    }

    @Test
    void emptyStateReportsZerosWithoutDividingByZero() {
        AnalyticsSnapshot s = state.snapshot();

        assertThat(s.eventsTotal()).isZero();
        assertThat(s.eventTypes()).isEmpty();
        assertThat(s.averageOrderValue()).isZero();
        assertThat(s.funnel().conversionRate()).isZero();
        assertThat(s.eventsPerSecond()).isZero();
        assertThat(s.topCategories()).isEmpty();
        assertThat(s.generatedAt()).isEqualTo(T0);
    }

    @Test
    void unknownEventTypesAreCountedUnderTheirOwnName() {
        state.record(event("e1", "wishlist_add", "u1", "s1").build());

        assertThat(state.snapshot().eventTypes()).containsExactly(entry("wishlist_add", 1));
    }

    @Test
    void purchaseWithoutUsableAmountCountsButAddsNoRevenue() {
        state.record(event("e1", "purchase", "u1", "s1").build());
        state.record(event("e2", "purchase", "u1", "s1")
                .amount(Double.POSITIVE_INFINITY)
                .build());

        AnalyticsSnapshot s = state.snapshot();

        assertThat(s.purchases()).isEqualTo(2);
        assertThat(s.revenueTotal()).isZero();
    }

    @Test
    void revenueDoesNotDriftOverAMillionSmallPurchases() {
        ActivityEvent cent = event("e1", "purchase", "u1", "s1").amount(0.01).build();
        for (int i = 0; i < 1_000_000; i++) {
            state.record(cent);
        }

        assertThat(state.snapshot().revenueTotal()).isCloseTo(10_000.00, within(1e-9));
    }

    @Test
    void snapshotIsNotChangedByLaterEvents() {
        state.record(event("e1", "page_view", "u1", "s1").build());
        AnalyticsSnapshot before = state.snapshot();

        state.record(event("e2", "page_view", "u2", "s2").build());

        assertThat(before.eventsTotal()).isEqualTo(1);
        assertThat(before.eventTypes()).containsExactly(entry("page_view", 1));
        assertThat(before.uniqueUsers()).isEqualTo(1);
    }

    @Test
    void resetForgetsEverything() {
        SHOP_DAY.forEach(state::record);
        state.recordInvalid();
        clock.advance(Duration.ofSeconds(5));

        state.reset();
        AnalyticsSnapshot s = state.snapshot();

        assertThat(s.eventsTotal()).isZero();
        assertThat(s.invalidRecords()).isZero();
        assertThat(s.eventTypes()).isEmpty();
        assertThat(s.revenueTotal()).isZero();
        assertThat(s.purchases()).isZero();
        assertThat(s.uniqueUsers()).isZero();
        assertThat(s.uniqueSessions()).isZero();
        assertThat(s.funnel()).isEqualTo(new AnalyticsSnapshot.Funnel(0, 0, 0, 0));
        assertThat(s.eventsPerSecond()).isZero();
        assertThat(s.revenuePerMinute()).isZero();
        assertThat(s.topCategories()).isEmpty();
    }

    @Test
    void resetReturnsEstimatedCountsToExact() {
        AnalyticsState small = new AnalyticsState(clock, 10);
        for (int i = 0; i < 20; i++) {
            small.record(event("e" + i, "page_view", "u" + i, "s" + i).build());
        }
        assertThat(small.snapshot().distinctCountsExact()).isFalse();

        small.reset();
        small.record(event("e1", "page_view", "u1", "s1").build());

        assertThat(small.snapshot().distinctCountsExact()).isTrue();
        assertThat(small.snapshot().uniqueUsers()).isEqualTo(1);
    }

    @Test
    void distinctCountsBecomeEstimatesPastTheExactLimit() {
        AnalyticsState small = new AnalyticsState(clock, 1_000);
        for (int i = 0; i < 1_000; i++) {
            small.record(event("e" + i, "click", "user-" + i, "sess-" + i).build());
        }
        assertThat(small.snapshot().distinctCountsExact()).isTrue();
        assertThat(small.snapshot().uniqueUsers()).isEqualTo(1_000);

        small.record(event("e-last", "click", "user-new", "sess-0").build());
        AnalyticsSnapshot s = small.snapshot();

        assertThat(s.distinctCountsExact()).isFalse();
        assertThat(s.uniqueUsers()).isCloseTo(1_001, within(20L));
        assertThat(s.uniqueSessions()).isEqualTo(1_000);
    }

    private static ActivityEvent.Builder event(String id, String type, String user, String session) {
        return ActivityEvent.builder(id, type, user, T0).sessionId(session);
    }

    private static Map.Entry<String, Long> entry(String type, long count) {
        return Map.entry(type, count);
    }
}
