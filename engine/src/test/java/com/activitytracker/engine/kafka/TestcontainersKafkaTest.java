package com.activitytracker.engine.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.producer.ActivityProducer;
import com.activitytracker.engine.producer.GeneratedTraffic;
import com.activitytracker.engine.testing.KafkaTestCluster;
import com.activitytracker.engine.testing.SharedKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The engine against Kafka in a container (the docker-compose image). Skipped, with the reason, on
 * machines without a Docker engine; the rest of the suite then uses the embedded broker.
 */
@Tag("integration")
class TestcontainersKafkaTest {
    @TempDir
    Path dir;

    @BeforeEach
    void needsDocker() {
        Assumptions.assumeTrue(
                SharedKafka.dockerAvailable(),
                "no Docker engine answers here: the Testcontainers path is skipped, the embedded broker covers the suite");
    }

    @Test
    void producesToKafkaInAContainer() throws Exception {
        try (KafkaContainer kafka = new KafkaContainer(SharedKafka.KAFKA_IMAGE)) {
            kafka.start();
            Settings settings = new KafkaTestCluster(kafka.getBootstrapServers()).freshSettings(dir, Map.of());
            KafkaClientFactory clients = new KafkaClientFactory(settings);
            new TopicAdmin(clients, Duration.ofSeconds(30)).ensureTopics(settings, true);
            ActivityProducer producer = ActivityProducer.builder(
                            () -> clients.producer("tc"), settings.activitiesTopic(), new GeneratedTraffic(1))
                    .rate(1_000)
                    .maxEvents(200)
                    .build();
            producer.start();
            assertThat(producer.awaitFinished(Duration.ofSeconds(60))).isTrue();
            assertThat(producer.stats().delivered()).isEqualTo(200);
        }
    }
}
