package com.activitytracker.app.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class SlidingSeriesTest {
    @Test
    void pointsOlderThanTheWindowAreDropped() {
        SlidingSeries s = new SlidingSeries("x", 60, 1_000);
        for (int second = 0; second <= 200; second++) {
            s.add(second, second);
        }
        assertThat(s.points()).hasSize(61);
        assertThat(s.points().get(0).seconds()).isEqualTo(140);
        assertThat(s.points().get(60).seconds()).isEqualTo(200);
    }

    @Test
    void neverMoreThanTheMaximumNumberOfPoints() {
        SlidingSeries s = new SlidingSeries("x", 1_000, 10);
        for (int i = 0; i < 100; i++) {
            s.add(i * 0.01, i);
        }
        assertThat(s.points()).hasSize(10);
        assertThat(s.points().get(9).value()).isEqualTo(99);
    }

    @Test
    void nonFiniteValuesBecomeZero() {
        SlidingSeries s = new SlidingSeries("x", 10, 10);
        s.add(1, Double.NaN);
        assertThat(s.points().get(0).value()).isZero();
    }
}
