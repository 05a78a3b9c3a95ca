package com.activitytracker.engine.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ReportPaceTest {
    private final AtomicLong now = new AtomicLong(123_456_789L);
    private final ReportPace pace = new ReportPace(Duration.ofSeconds(1), now::get);

    @Test
    void theFirstReportPassesAndTheNextWaitsForTheGap() {
        assertThat(pace.admit()).isTrue();
        now.addAndGet(Duration.ofMillis(999).toNanos());
        assertThat(pace.admit()).isFalse();
        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(pace.admit()).isTrue();
    }

    @Test
    void aRefusedReportDoesNotPushTheNextOneBack() {
        assertThat(pace.admit()).isTrue();
        for (int i = 0; i < 9; i++) {
            now.addAndGet(Duration.ofMillis(100).toNanos());
            assertThat(pace.admit()).isFalse();
        }
        now.addAndGet(Duration.ofMillis(100).toNanos());
        assertThat(pace.admit()).isTrue();
    }

    @Test
    void reportsSlowerThanTheGapAllPass() {
        for (int i = 0; i < 5; i++) {
            assertThat(pace.admit()).isTrue();
            now.addAndGet(Duration.ofSeconds(5).toNanos());
        }
    }
}
