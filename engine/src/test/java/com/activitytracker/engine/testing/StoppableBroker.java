package com.activitytracker.engine.testing;

import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.kafka.EmbeddedKafkaBroker;
import com.activitytracker.engine.kafka.KafkaClientFactory;
import com.activitytracker.engine.kafka.TopicAdmin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A broker of a test's own, for tests that take it away and bring it back: it comes back on the same
 * port with the same data, as a restarted broker would. Fresh settings and the topics are made at start.
 */
public final class StoppableBroker implements AutoCloseable {
    private final Path data;
    private final Settings settings;
    private final KafkaClientFactory clients;
    private EmbeddedKafkaBroker broker;

    /** Starts the broker on a free port, with its data under {@code dir}, and creates the topics. */
    public StoppableBroker(Path dir) {
        data = dir.resolve("broker");
        broker = EmbeddedKafkaBroker.start(data, 0, false);
        settings = new KafkaTestCluster(broker.bootstrapServers()).freshSettings(dir, Map.of());
        clients = new KafkaClientFactory(settings);
        new TopicAdmin(clients, Duration.ofSeconds(10)).ensureTopics(settings, true);
    }

    public Settings settings() {
        return settings;
    }

    public KafkaClientFactory clients() {
        return clients;
    }

    public KafkaTestCluster cluster() {
        return new KafkaTestCluster(broker.bootstrapServers());
    }

    /** The broker goes away; its clients see a refused connection until {@link #restart()}. */
    public void stop() {
        broker.close();
    }

    /** Back on the same port, with the data it had. */
    public void restart() {
        broker = EmbeddedKafkaBroker.start(data, broker.port(), false);
    }

    @Override
    public void close() {
        broker.close();
    }
}
