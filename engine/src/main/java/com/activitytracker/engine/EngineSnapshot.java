package com.activitytracker.engine;

import com.activitytracker.engine.analytics.AnalyticsSnapshot;
import com.activitytracker.engine.consumer.ConsumerStats;
import com.activitytracker.engine.fraud.FraudThresholds;
import com.activitytracker.engine.fraud.Severity;
import com.activitytracker.engine.producer.ProducerStats;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything a dashboard shows at one moment, immutable: published by the engine a few times a second.
 *
 * @param alertsBySeverity counts since start or reset, every severity present
 * @param endToEnd         event time to analytics processing, recent percentiles
 * @param detection        completing event's time to alert, recent percentiles
 * @param scoreboard       injected attacks, newest first
 */
public record EngineSnapshot(
        Instant takenAt,
        EngineStatus status,
        boolean paused,
        ProducerStats producer,
        AnalyticsSnapshot analytics,
        ConsumerStats analyticsConsumer,
        ConsumerStats fraudConsumer,
        long fraudEventsChecked,
        long alertsTotal,
        Map<Severity, Long> alertsBySeverity,
        Map<String, Long> alertsByRule,
        LatencyPercentiles endToEnd,
        LatencyPercentiles detection,
        List<ScoreboardEntry> scoreboard,
        FraudThresholds thresholds) {

    public EngineSnapshot {
        alertsBySeverity = Map.copyOf(alertsBySeverity);
        alertsByRule = Map.copyOf(alertsByRule);
        scoreboard = List.copyOf(scoreboard);
    }

    /** Every event sent is acknowledged and read by both consumers, and counted in the analytics figures. */
    boolean isDrained() {
        long delivered = producer.delivered();
        return producer.inFlight() == 0
                && analyticsConsumer.lagRecords() == 0
                && analyticsConsumer.processed() >= delivered
                // the analytics figures are snapshotted on the consumer's tick: wait for one that counts everything
                && analytics.eventsTotal() + analytics.invalidRecords() >= delivered
                && fraudConsumer.lagRecords() == 0
                && fraudConsumer.processed() >= delivered;
    }
}
