package com.activitytracker.engine.kafka;

import com.activitytracker.engine.config.Settings;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka cluster a program works against: the configured one, or an embedded broker started for
 * it when none is configured. Closing it stops the embedded broker, if any; an external cluster is left alone.
 */
public final class KafkaCluster implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KafkaCluster.class);
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final Settings settings;
    private final KafkaClientFactory clients;
    private final EmbeddedKafkaBroker embedded;

    private KafkaCluster(Settings settings, EmbeddedKafkaBroker embedded) {
        this.settings = settings;
        this.clients = new KafkaClientFactory(settings);
        this.embedded = embedded;
    }

    /**
     * Connects to the configured cluster, or starts an embedded broker (data in {@code DATA_DIR/embedded})
     * when none is configured; then checks that it answers and creates the topics when missing.
     *
     * @param group the consumer group the program will use first: its coordinator is looked up while the
     *     topics are created, so the consumers find it ready
     */
    public static KafkaCluster open(Settings settings, Duration connectTimeout, String group) {
        if (settings.usesEmbeddedBroker()) {
            EmbeddedKafkaBroker broker =
                    EmbeddedKafkaBroker.start(settings.dataDir().resolve("embedded"), 0, false);
            try {
                KafkaCluster cluster =
                        new KafkaCluster(settings.withBootstrapServers(broker.bootstrapServers()), broker);
                cluster.prepareTopics(connectTimeout, group);
                return cluster;
            } catch (RuntimeException e) {
                broker.close();
                throw e;
            }
        }
        KafkaCluster cluster = new KafkaCluster(settings, null);
        cluster.prepareTopics(connectTimeout, group);
        return cluster;
    }

    private void prepareTopics(Duration timeout, String group) {
        new TopicAdmin(clients, timeout).prepare(settings, group);
    }

    /** The settings with the bootstrap servers actually in use. */
    public Settings settings() {
        return settings;
    }

    public KafkaClientFactory clients() {
        return clients;
    }

    public String bootstrapServers() {
        return clients.bootstrapServers();
    }

    public Optional<EmbeddedKafkaBroker> embeddedBroker() {
        return Optional.ofNullable(embedded);
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
        log.debug("Kafka cluster session closed");
    }
}
