package com.activitytracker.app.model;

import com.activitytracker.engine.EngineSnapshot;
import com.activitytracker.engine.EngineStatus;
import com.activitytracker.engine.LatencyPercentiles;
import com.activitytracker.engine.ScoreboardEntry;
import com.activitytracker.engine.analytics.AnalyticsSnapshot;
import com.activitytracker.engine.consumer.ConsumerStats;
import com.activitytracker.engine.fraud.FraudAlert;
import com.activitytracker.engine.fraud.FraudThresholds;
import com.activitytracker.engine.fraud.Severity;
import com.activitytracker.engine.producer.ProducerStats;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Builds engine snapshots and alerts for model tests, with only the figures a test cares about. */
final class TestSnapshots {
    static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

    private TestSnapshots() {}

    static EngineStatus status(EngineStatus.State state) {
        return new EngineStatus(state, state.name().toLowerCase() + " message", "localhost:9092", true);
    }

    static EngineSnapshot snapshot(Instant at, long sent, long analysed, long checked) {
        return snapshot(at, sent, analysed, checked, 0, List.of(), false);
    }

    static EngineSnapshot snapshot(
            Instant at,
            long sent,
            long analysed,
            long checked,
            double revenue,
            List<ScoreboardEntry> scoreboard,
            boolean paused) {
        ProducerStats producer =
                new ProducerStats(sent, sent, 0, 100, 98.5, 97, 42, Duration.ofSeconds(10), null, true, null);
        AnalyticsSnapshot analytics = new AnalyticsSnapshot(
                at,
                analysed,
                2,
                Map.of(
                        "page_view",
                        analysed / 2,
                        "purchase",
                        analysed / 10,
                        "click",
                        analysed - analysed / 2 - analysed / 10),
                revenue,
                4,
                80,
                90,
                new AnalyticsSnapshot.Funnel(200, 100, 50, 20),
                true,
                95,
                1200,
                List.of());
        ConsumerStats consumer = new ConsumerStats("analytics", analysed, 12, 0.4, 6, true, null);
        ConsumerStats fraud = new ConsumerStats("fraud", checked, 3, 0.2, 6, true, null);
        Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
        bySeverity.put(Severity.LOW, 0L);
        bySeverity.put(Severity.MEDIUM, 1L);
        bySeverity.put(Severity.HIGH, 2L);
        bySeverity.put(Severity.CRITICAL, 3L);
        return new EngineSnapshot(
                at,
                status(EngineStatus.State.RUNNING),
                paused,
                producer,
                analytics,
                consumer,
                fraud,
                checked,
                6,
                bySeverity,
                Map.of(),
                new LatencyPercentiles(12.3, 85, 100),
                new LatencyPercentiles(1, 4, 10),
                scoreboard,
                FraudThresholds.defaults());
    }

    static FraudAlert alert(String id, Severity severity) {
        return new FraudAlert(
                id,
                "HIGH_VELOCITY",
                severity,
                "user-" + id,
                T0,
                T0.minusMillis(200),
                "42 events in 60 s",
                List.of("e1", "e2"),
                Map.of("count", 42, "threshold", 30));
    }
}
