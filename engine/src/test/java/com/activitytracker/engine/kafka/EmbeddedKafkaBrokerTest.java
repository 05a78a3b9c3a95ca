package com.activitytracker.engine.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.testing.KafkaTestCluster;
import com.activitytracker.engine.testing.SharedKafka;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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

    /**
     * A data folder another process holds (a second console on the same DATA_DIR): one clear sentence, and
     * nothing of the folder read (Kafka's own lock comes after it reads the metadata log, and a record it
     * reads half-written halts the process); once that process is gone the folder is ours.
     */
    @Test
    void aDataFolderAnotherProcessHoldsGivesAClearErrorBeforeAnythingIsRead() throws Exception {
        Path data = dir.resolve("taken");
        Files.createDirectories(data);
        Path holder = dir.resolve("Holder.java");
        Files.writeString(holder, """
                import java.nio.channels.FileChannel;
                import java.nio.file.Path;
                import java.nio.file.StandardOpenOption;

                public class Holder {
                    public static void main(String[] args) throws Exception {
                        try (FileChannel c = FileChannel.open(
                                        Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                                var lock = c.lock()) {
                            System.out.println("locked");
                            System.out.flush();
                            System.in.read();
                        }
                    }
                }
                """);
        String java = ProcessHandle.current().info().command().orElse("java");
        Process other = new ProcessBuilder(
                        java,
                        holder.toString(),
                        data.resolve(DataFolderLock.FILE_NAME).toString())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("locked");
            assertThatThrownBy(() -> EmbeddedKafkaBroker.start(data, 0, false))
                    .isInstanceOf(KafkaUnavailableException.class)
                    .hasMessage(
                            "the data folder " + data
                                    + " is in use by another Activity Tracker: close that one, or set DATA_DIR to another folder");
            assertThat(data.resolve("kafka-logs")).isEmptyDirectory();
        } finally {
            other.destroy();
            other.waitFor();
        }
        EmbeddedKafkaBroker.start(data, 0, true).close();
        assertThat(data).doesNotExist();
    }

    @Test
    void aSecondBrokerInThisProcessOnTheSameFolderIsRefusedAndTheFirstGoesOn() throws Exception {
        Path data = dir.resolve("shared");
        try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start(data, 0, false)) {
            assertThatThrownBy(() -> EmbeddedKafkaBroker.start(data, 0, false))
                    .isInstanceOf(KafkaUnavailableException.class)
                    .hasMessageContaining("is in use by another Activity Tracker");
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", first.bootstrapServers()))) {
                assertThat(admin.describeCluster().nodes().get(10, TimeUnit.SECONDS))
                        .hasSize(1);
            }
        }
        // closed, the folder can be used again: a restart of the engine on the same data
        EmbeddedKafkaBroker.start(data, 0, true).close();
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
