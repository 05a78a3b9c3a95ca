package com.activitytracker.engine.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.activitytracker.engine.analytics.AnalyticsSnapshot.CategoryCount;
import com.activitytracker.engine.event.ActivityEvent;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Rolling figures follow processing time, the injected clock, not the events' timestamps. */
@Tag("unit")
class AnalyticsStateRollingWindowTest {
    private static final Instant T0 = Instant.parse("2026-11-26T10:30:00Z");
    /** An event time far from the clock, to show the window ignores it. */
    private static final Instant EVENT_TIME = Instant.parse("2020-01-01T00:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final AnalyticsState state = new AnalyticsState(clock);

    @Test
    void eventsPerSecondAveragesTheLastMinute() {
        for (int second = 0; second < 90; second++) {
            recordClicks(10);
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(state.snapshot().eventsPerSecond()).isCloseTo(10.0, within(1e-9));
    }

    @Test
    void eventsPerSecondInTheFirstSecondsDividesByTheTimeSoFar() {
        for (int second = 0; second < 3; second++) {
            recordClicks(10);
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(state.snapshot().eventsPerSecond()).isCloseTo(10.0, within(1e-9));
    }

    @Test
    void eventsPerSecondCountsThePartOfTheCurrentSecondAlreadyPassed() {
        for (int second = 0; second < 70; second++) {
            recordClicks(10);
            clock.advance(Duration.ofSeconds(1));
        }
        clock.advance(Duration.ofMillis(500));
        recordClicks(5);

        // 59 whole seconds of 10 events plus 5 events in the half second so far.
        assertThat(state.snapshot().eventsPerSecond()).isCloseTo(595 / 59.5, within(1e-9));
    }

    @Test
    void eventsOlderThanAMinuteLeaveTheWindowButStayInTheTotals() {
        recordClicks(100);
        clock.advance(Duration.ofSeconds(61));

        AnalyticsSnapshot s = state.snapshot();

        assertThat(s.eventsPerSecond()).isZero();
        assertThat(s.eventsTotal()).isEqualTo(100);
    }

    @Test
    void aSlotReusedAfterAMinuteStartsFromZero() {
        recordClicks(100);
        clock.advance(Duration.ofSeconds(60));
        recordClicks(1);

        // The only live second holds 1 event; the 100 from the same slot a minute ago are gone.
        assertThat(state.snapshot().eventsPerSecond()).isCloseTo(1 / 59.0, within(1e-9));
    }

    @Test
    void revenuePerMinuteCoversTheLastMinute() {
        for (int second = 0; second < 120; second++) {
            state.record(purchase(50.0, null));
            clock.advance(Duration.ofSeconds(1));
        }

        AnalyticsSnapshot s = state.snapshot();

        assertThat(s.revenuePerMinute()).isCloseTo(3_000.0, within(1e-9));
        assertThat(s.revenueTotal()).isCloseTo(6_000.0, within(1e-9));
    }

    @Test
    void topCategoriesRankTheFiveWithMostEventsInTheLastMinute() {
        recordInCategory("garden", 50);
        clock.advance(Duration.ofSeconds(61));
        recordInCategory("books", 3);
        recordInCategory("toys", 7);
        recordInCategory("electronics", 9);
        recordInCategory("sports", 3);
        recordInCategory("music", 1);
        recordInCategory("beauty", 2);
        state.record(purchase(10.0, "toys"));

        assertThat(state.snapshot().topCategories())
                .containsExactly(
                        new CategoryCount("electronics", 9),
                        new CategoryCount("toys", 8),
                        new CategoryCount("books", 3),
                        new CategoryCount("sports", 3),
                        new CategoryCount("beauty", 2));
    }

    @Test
    void categoriesPastTheTrackedLimitAreCountedTogether() {
        for (int i = 0; i < RollingMinute.MAX_CATEGORIES; i++) {
            recordInCategory("category-" + i, 1);
        }
        recordInCategory("late-a", 4);
        recordInCategory("late-b", 3);

        assertThat(state.snapshot().topCategories().get(0))
                .isEqualTo(new CategoryCount(RollingMinute.OTHER_CATEGORY, 7));
    }

    @Test
    void aClockSteppingBackStillCountsItsEvents() {
        clock.advance(Duration.ofSeconds(10));
        recordClicks(10);
        clock.advance(Duration.ofSeconds(-5));
        recordClicks(10);

        assertThat(state.snapshot().eventsPerSecond()).isCloseTo(2.0, within(1e-9));
    }

    private void recordClicks(int count) {
        for (int i = 0; i < count; i++) {
            state.record(ActivityEvent.builder("e", "click", "u1", EVENT_TIME).build());
        }
    }

    private void recordInCategory(String category, int count) {
        for (int i = 0; i < count; i++) {
            state.record(ActivityEvent.builder("e", "page_view", "u1", EVENT_TIME)
                    .category(category)
                    .build());
        }
    }

    private static ActivityEvent purchase(double amount, String category) {
        return ActivityEvent.builder("p", "purchase", "u1", EVENT_TIME)
                .amount(amount)
                .category(category)
                .build();
    }
}
