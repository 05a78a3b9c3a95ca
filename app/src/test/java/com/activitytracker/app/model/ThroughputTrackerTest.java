package com.activitytracker.app.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ThroughputTrackerTest {
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private final ThroughputTracker tracker = new ThroughputTracker(Duration.ofSeconds(1));

    @Test
    void ratesAreCountDifferencesOverElapsedTime() {
        assertThat(tracker.offer(T0, 1_000, 900, 800)).isEmpty();
        var rates = tracker.offer(T0.plusSeconds(2), 1_200, 1_000, 1_000).orElseThrow();
        assertThat(rates.produced()).isCloseTo(100, within(1e-9));
        assertThat(rates.analysed()).isCloseTo(50, within(1e-9));
        assertThat(rates.checked()).isCloseTo(100, within(1e-9));
    }

    @Test
    void snapshotsCloserThanTheIntervalAreCoalescedIntoTheNextPoint() {
        tracker.offer(T0, 0, 0, 0);
        assertThat(tracker.offer(T0.plusMillis(250), 25, 25, 25)).isEmpty();
        assertThat(tracker.offer(T0.plusMillis(500), 50, 50, 50)).isEmpty();
        var rates = tracker.offer(T0.plusMillis(1_000), 100, 100, 100).orElseThrow();
        assertThat(rates.produced()).isCloseTo(100, within(1e-9));
    }

    @Test
    void aCountThatGoesDownStartsAgainInsteadOfANegativeRate() {
        tracker.offer(T0, 5_000, 5_000, 5_000);
        assertThat(tracker.offer(T0.plusSeconds(1), 10, 10, 10)).isEmpty();
        var rates = tracker.offer(T0.plusSeconds(2), 60, 60, 60).orElseThrow();
        assertThat(rates.produced()).isCloseTo(50, within(1e-9));
    }
}
