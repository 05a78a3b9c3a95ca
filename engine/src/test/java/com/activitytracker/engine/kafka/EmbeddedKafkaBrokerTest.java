package com.activitytracker.engine.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.testing.KafkaTestCluster;
import com.activitytracker.engine.testing.SharedKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
@ExtendWith(SharedKafka.class)
class EmbeddedKafkaBrokerTest {
    @TempDir
    Path dir;

    @Test
    void restartsOnTheSameDataAndKeepsTheEvents(KafkaTestCluster shared) {
        Path data = dir.resolve("broker");
        Settings settings;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(data, 0, false)) {
            settings = shared.freshSettings(dir, Map.of()).withBootstrapServers(broker.bootstrapServers());
            new TopicAdmin(new KafkaClientFactory(settings), Duration.ofSeconds(10)).ensureTopics(settings, true);
            KafkaTestCluster first = clusterAt(broker);
            first.produceRaw(
                    settings.activitiesTopic(),
                    List.of(
                            new ProducerRecord<>(
                                    settings.activitiesTopic(), "user-1", "one".getBytes(StandardCharsets.UTF_8)),
                            new ProducerRecord<>(
                                    settings.activitiesTopic(), "user-2", "two".getBytes(StandardCharsets.UTF_8))));
        }
        try (EmbeddedKafkaBroker again = EmbeddedKafkaBroker.start(data, 0, false)) {
            var records = clusterAt(again).readAll(settings.activitiesTopic(), 2, Duration.ofSeconds(30));
            assertThat(records)
                    .extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                    .containsExactlyInAnyOrder("one", "two");
        }
    }

    @Test
    void deletesItsDataWhenAskedTo() {
        Path data = dir.resolve("throwaway");
        EmbeddedKafkaBroker.start(data, 0, true).close();
        assertThat(data).doesNotExist();
    }

    @Test
    void aTakenPortGivesAClearError(KafkaTestCluster shared) {
        int taken = Integer.parseInt(
                shared.bootstrapServers().substring(shared.bootstrapServers().lastIndexOf(':') + 1));
        assertThatThrownBy(() -> EmbeddedKafkaBroker.start(dir.resolve("clash"), taken, true))
                .isInstanceOf(KafkaUnavailableException.class)
                .hasMessageStartingWith("port " + taken + " is already in use");
    }

    @Test
    void anUnreachableBootstrapServerGivesAClearError() {
        Settings settings = new KafkaTestCluster("localhost:1").freshSettings(dir, Map.of());
        TopicAdmin admin = new TopicAdmin(new KafkaClientFactory(settings), Duration.ofSeconds(2));
        assertThatThrownBy(admin::awaitCluster)
                .isInstanceOf(KafkaUnavailableException.class)
                .hasMessageStartingWith("cannot reach Kafka at localhost:1 within 2 s");
    }

    @Test
    void createsTheThreeTopicsWithTheConfiguredPartitions(KafkaTestCluster shared) throws Exception {
        Settings settings = shared.freshSettings(dir, Map.of(Settings.KAFKA_PARTITIONS, "3"));
        KafkaClientFactory clients = new KafkaClientFactory(settings);
        TopicAdmin admin = new TopicAdmin(clients, Duration.ofSeconds(10));
        assertThat(admin.ensureTopics(settings, true))
                .containsExactly(settings.activitiesTopic(), settings.alertsTopic(), settings.dlqTopic());
        assertThat(admin.ensureTopics(settings, true)).isEmpty();
        try (Admin a = clients.admin()) {
            var description = a.describeTopics(List.of(settings.activitiesTopic()))
                    .allTopicNames()
                    .get();
            assertThat(description.get(settings.activitiesTopic()).partitions()).hasSize(3);
        }
    }

    @Test
    void preparingANewBrokerCreatesItsOffsetsTopicBeforeAnyConsumerAsks() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("new"), 0, true)) {
            Settings settings = new KafkaTestCluster(broker.bootstrapServers())
                    .freshSettings(dir, Map.of(Settings.KAFKA_PARTITIONS, "2"));
            KafkaClientFactory clients = new KafkaClientFactory(settings);
            assertThat(new TopicAdmin(clients, Duration.ofSeconds(10)).prepare(settings, "a-group"))
                    .containsExactly(settings.activitiesTopic(), settings.alertsTopic(), settings.dlqTopic());
            try (Admin a = clients.admin()) {
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> a.listTopics(new ListTopicsOptions().listInternal(true))
                                .names()
                                .get()
                                .contains("__consumer_offsets"));
            }
        }
    }

    @Test
    void aRefusedTopicGivesAClearError(KafkaTestCluster shared) {
        Settings settings = shared.freshSettings(dir, Map.of(Settings.KAFKA_REPLICATION_FACTOR, "3"));
        TopicAdmin admin = new TopicAdmin(new KafkaClientFactory(settings), Duration.ofSeconds(10));
        assertThatThrownBy(() -> admin.ensureTopics(settings, false))
                .isInstanceOf(KafkaUnavailableException.class)
                .hasMessageContaining("the cluster refused to create topic '" + settings.activitiesTopic() + "'")
                .hasMessageContaining("replication factor 3");
    }

    private static KafkaTestCluster clusterAt(EmbeddedKafkaBroker broker) {
        return new KafkaTestCluster(broker.bootstrapServers());
    }
}
