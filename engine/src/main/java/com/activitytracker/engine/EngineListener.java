package com.activitytracker.engine;

import com.activitytracker.engine.analytics.AnalyticsSnapshot;
import com.activitytracker.engine.fraud.FraudAlert;
import com.activitytracker.engine.producer.ProducerStats;

/**
 * Receives what the engine publishes, on the engine's own threads: implementations must return quickly
 * and hand anything bound for a UI toolkit over to its thread themselves. Every method is optional.
 */
public interface EngineListener {
    /** A few times a second. */
    default void onSnapshot(EngineSnapshot snapshot) {}

    /** Each alert as it is raised (on the fraud consumer's thread). */
    default void onAlert(FraudAlert alert) {}

    /** When the engine's state changes (starting, running, disconnected, stopped, failed). */
    default void onStatus(EngineStatus status) {}

    /** Every {@code STATS_INTERVAL} events sent, for a console progress line. */
    default void onProducerProgress(ProducerStats stats) {}

    /** Every {@code STATS_INTERVAL} events analysed, for a console report. */
    default void onAnalyticsReport(AnalyticsSnapshot snapshot) {}
}
