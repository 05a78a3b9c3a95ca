package com.activitytracker.engine.cli;

import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.kafka.KafkaClientFactory;
import com.activitytracker.engine.kafka.KafkaCluster;
import com.activitytracker.engine.kafka.TopicAdmin;

/** Rules shared by the single-role commands (topics, produce, analytics, fraud). */
final class Roles {
    /** Where the roles look for Kafka when none is configured: the {@code broker} command's address. */
    static final String DEFAULT_BOOTSTRAP = "localhost:9092";

    private Roles() {}

    static Settings withDefaultBootstrap(Settings settings) {
        return settings.usesEmbeddedBroker() ? settings.withBootstrapServers(DEFAULT_BOOTSTRAP) : settings;
    }

    /**
     * Checks that the cluster answers and creates the topics when missing, as every role does first.
     *
     * @throws com.activitytracker.engine.kafka.KafkaUnavailableException with the reason when it cannot
     */
    static KafkaClientFactory connect(Settings settings) {
        KafkaClientFactory clients = new KafkaClientFactory(settings);
        new TopicAdmin(clients, KafkaCluster.CONNECT_TIMEOUT).awaitClusterAndTopics(settings);
        return clients;
    }
}
