package com.activitytracker.engine.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class DistinctCounterTest {

    @Test
    void countsExactlyUpToTheLimit() {
        DistinctCounter counter = new DistinctCounter(10_000);
        addUsers(counter, 10_000);

        assertThat(counter.isExact()).isTrue();
        assertThat(counter.count()).isEqualTo(10_000);
    }

    @Test
    void repeatedValuesCountOnce() {
        DistinctCounter counter = new DistinctCounter(100);
        addUsers(counter, 50);
        addUsers(counter, 50);

        assertThat(counter.count()).isEqualTo(50);
    }

    @Test
    void switchesToAnEstimateWithTheFirstValuePastTheLimit() {
        DistinctCounter counter = new DistinctCounter(10_000);
        addUsers(counter, 10_001);

        assertThat(counter.isExact()).isFalse();
        assertThat(counter.count()).isCloseTo(10_001L, withinPercentage(2));
    }

    @Test
    void estimateKeepsTheValuesSeenBeforeTheSwitch() {
        DistinctCounter counter = new DistinctCounter(1_000);
        addUsers(counter, 50_000);
        addUsers(counter, 50_000);

        assertThat(counter.count()).isCloseTo(50_000L, withinPercentage(2));
    }

    @Test
    void aHashOfZeroIsCountedLikeAnyOther() {
        DistinctCounter counter = new DistinctCounter(10);
        counter.add(0L);
        counter.add(0L);
        counter.add(1L);

        assertThat(counter.count()).isEqualTo(2);
    }

    @Test
    void resetReturnsToExactCounting() {
        DistinctCounter counter = new DistinctCounter(100);
        addUsers(counter, 1_000);

        counter.reset();
        addUsers(counter, 3);

        assertThat(counter.isExact()).isTrue();
        assertThat(counter.count()).isEqualTo(3);
    }

    private static void addUsers(DistinctCounter counter, int count) {
        for (int i = 0; i < count; i++) {
            counter.add("user-" + i);
        }
    }
}
