package com.activitytracker.engine.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("unit")
class HyperLogLogTest {

    @Test
    void estimatesAMillionDistinctUsersWithinTwoPercent() {
        HyperLogLog sketch = new HyperLogLog();
        for (int i = 0; i < 1_000_000; i++) {
            sketch.add(Hash64.of("user-" + i));
        }

        assertThat(sketch.estimate()).isCloseTo(1_000_000L, withinPercentage(2));
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 1_000, 20_000, 50_000, 100_000, 300_000})
    void estimatesWithinTwoPercentAcrossTheRange(int distinct) {
        HyperLogLog sketch = new HyperLogLog();
        for (int i = 0; i < distinct; i++) {
            sketch.add(Hash64.of("sess-" + i));
        }

        assertThat(sketch.estimate()).isCloseTo((long) distinct, withinPercentage(2));
    }

    @Test
    void emptySketchEstimatesZero() {
        assertThat(new HyperLogLog().estimate()).isZero();
    }

    @Test
    void repeatedValuesDoNotRaiseTheEstimate() {
        HyperLogLog sketch = new HyperLogLog();
        for (int round = 0; round < 10; round++) {
            for (int i = 0; i < 5_000; i++) {
                sketch.add(Hash64.of("user-" + i));
            }
        }

        assertThat(sketch.estimate()).isCloseTo(5_000L, withinPercentage(2));
    }

    @Test
    void anEstimateAskedForBetweenAddsMatchesOneAskedForOnlyAtTheEnd() {
        HyperLogLog askedOften = new HyperLogLog(10);
        HyperLogLog askedOnce = new HyperLogLog(10);
        long previous = 0;
        for (int i = 0; i < 200_000; i++) {
            long hash = Hash64.of("user-" + (i % 150_000));
            askedOften.add(hash);
            askedOnce.add(hash);
            if (i % 997 == 0) {
                long now = askedOften.estimate();
                assertThat(now).isGreaterThanOrEqualTo(previous); // registers only rise
                previous = now;
            }
        }

        assertThat(askedOften.estimate()).isEqualTo(askedOnce.estimate());
        assertThat(askedOnce.estimate()).isCloseTo(150_000L, withinPercentage(10));
    }

    @Test
    void usesSixteenThousandRegistersByDefault() {
        assertThat(new HyperLogLog().precision()).isEqualTo(14);
    }
}
