package com.activitytracker.engine.cli;

import com.activitytracker.engine.config.Settings;

/** Rules shared by the single-role commands (topics, produce, analytics, fraud). */
final class Roles {
    /** Where the roles look for Kafka when none is configured: the {@code broker} command's address. */
    static final String DEFAULT_BOOTSTRAP = "localhost:9092";

    private Roles() {}

    static Settings withDefaultBootstrap(Settings settings) {
        return settings.usesEmbeddedBroker() ? settings.withBootstrapServers(DEFAULT_BOOTSTRAP) : settings;
    }
}
