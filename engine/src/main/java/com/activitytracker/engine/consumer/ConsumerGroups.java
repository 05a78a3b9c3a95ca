package com.activitytracker.engine.consumer;

import java.util.UUID;

/** The consumer groups and client ids of the two consumers, named in one place for the engine and the CLI. */
public final class ConsumerGroups {
    /** Fraud detectors share one group: each partition's per-user windows live in exactly one detector. */
    public static final String FRAUD = "activity-tracker-fraud";
    /** Each dashboard reads every partition, so each analytics consumer has a group of its own. */
    public static final String ANALYTICS_PREFIX = "activity-tracker-analytics-";

    public static final String FRAUD_CLIENT = "fraud";
    public static final String FRAUD_SIDE_PRODUCER = "fraud-alerts";
    public static final String ANALYTICS_CLIENT = "analytics";
    public static final String ANALYTICS_SIDE_PRODUCER = "analytics-dlq";

    private ConsumerGroups() {}

    /** A group no other analytics consumer uses. */
    public static String newAnalyticsGroup() {
        return ANALYTICS_PREFIX + UUID.randomUUID();
    }
}
