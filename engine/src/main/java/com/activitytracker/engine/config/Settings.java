package com.activitytracker.engine.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting of docs/CONTRACTS.md, validated and typed. Built by {@link SettingsLoader}; immutable.
 * The FRAUD_* thresholds stay in {@link #values()} and are typed by the fraud package.
 */
public record Settings(
        Optional<String> bootstrapServers,
        String activitiesTopic,
        String alertsTopic,
        String dlqTopic,
        int partitions,
        short replicationFactor,
        Optional<Path> clientConfig,
        double eventsPerSecond,
        int statsInterval,
        String logLevel,
        Path logDir,
        Path dataDir,
        Map<String, String> values) {

    public static final String KAFKA_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
    public static final String KAFKA_ACTIVITIES_TOPIC = "KAFKA_ACTIVITIES_TOPIC";
    public static final String KAFKA_ALERTS_TOPIC = "KAFKA_ALERTS_TOPIC";
    public static final String KAFKA_DLQ_TOPIC = "KAFKA_DLQ_TOPIC";
    public static final String KAFKA_PARTITIONS = "KAFKA_PARTITIONS";
    public static final String KAFKA_REPLICATION_FACTOR = "KAFKA_REPLICATION_FACTOR";
    public static final String KAFKA_CLIENT_CONFIG = "KAFKA_CLIENT_CONFIG";
    public static final String EVENTS_PER_SECOND = "EVENTS_PER_SECOND";
    public static final String STATS_INTERVAL = "STATS_INTERVAL";
    public static final String LOG_LEVEL = "LOG_LEVEL";
    public static final String LOG_DIR = "LOG_DIR";
    public static final String DATA_DIR = "DATA_DIR";
    /** Level of Kafka's own loggers (WARN unless asked), apart from LOG_LEVEL. */
    public static final String KAFKA_LOG_LEVEL = "KAFKA_LOG_LEVEL";
    /** Port of the Prometheus endpoint on loopback; see {@link MetricsPort}. */
    public static final String METRICS_PORT = "METRICS_PORT";

    /** Settings the program reads; other variables of the environment are ignored. */
    public static final List<String> KEYS = List.of(
            KAFKA_BOOTSTRAP_SERVERS,
            KAFKA_ACTIVITIES_TOPIC,
            KAFKA_ALERTS_TOPIC,
            KAFKA_DLQ_TOPIC,
            KAFKA_PARTITIONS,
            KAFKA_REPLICATION_FACTOR,
            KAFKA_CLIENT_CONFIG,
            EVENTS_PER_SECOND,
            STATS_INTERVAL,
            LOG_LEVEL,
            LOG_DIR,
            DATA_DIR,
            KAFKA_LOG_LEVEL,
            METRICS_PORT);

    /** Prefix of the fraud thresholds, all of which are settings too. */
    public static final String FRAUD_PREFIX = "FRAUD_";

    public Settings {
        values = Map.copyOf(values);
    }

    /** True when no bootstrap server is configured, so {@code run} and the GUI start an embedded broker. */
    public boolean usesEmbeddedBroker() {
        return bootstrapServers.isEmpty();
    }

    /** A copy pointing at the given cluster, e.g. once an embedded broker has started. */
    public Settings withBootstrapServers(String servers) {
        return new Settings(
                Optional.of(servers),
                activitiesTopic,
                alertsTopic,
                dlqTopic,
                partitions,
                replicationFactor,
                clientConfig,
                eventsPerSecond,
                statsInterval,
                logLevel,
                logDir,
                dataDir,
                values);
    }

    public Settings withEventsPerSecond(double rate) {
        return new Settings(
                bootstrapServers,
                activitiesTopic,
                alertsTopic,
                dlqTopic,
                partitions,
                replicationFactor,
                clientConfig,
                rate,
                statsInterval,
                logLevel,
                logDir,
                dataDir,
                values);
    }
}
