package com.activitytracker.engine.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.kafka.KafkaClientFactory;
import com.activitytracker.engine.kafka.KafkaCluster;
import com.activitytracker.engine.kafka.TopicAdmin;
import com.activitytracker.engine.testing.KafkaTestCluster;
import com.activitytracker.engine.testing.SharedKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The records the Kafka view sends back, against a real broker. */
@Tag("integration")
@ExtendWith(SharedKafka.class)
class OutboxTest {
    @TempDir
    Path dir;

    private KafkaTestCluster kafka;
    private Settings settings;
    private KafkaClientFactory clients;

    @BeforeEach
    void topics(KafkaTestCluster kafka) {
        this.kafka = kafka;
        settings = kafka.freshSettings(dir, Map.of());
        clients = new KafkaClientFactory(settings);
        TopicAdmin admin = new TopicAdmin(clients, KafkaCluster.CONNECT_TIMEOUT);
        admin.ensureTopics(settings, admin.awaitCluster() == 1);
    }

    private static OutgoingRecord record(String key, byte[] value) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("trace-id", "t-1".getBytes(StandardCharsets.UTF_8));
        return new OutgoingRecord(
                key.getBytes(StandardCharsets.UTF_8), value, headers, "a test record", new CompletableFuture<>());
    }

    @Test
    void sendsWhatIsQueuedAndSaysWhereItLandedWhileARefusedRecordFailsAlone() throws Exception {
        OutgoingRecord tooLarge = record("u-1", new byte[5 * 1024 * 1024]);
        OutgoingRecord fine = record("u-2", "{\"n\":2}".getBytes(StandardCharsets.UTF_8));
        try (Outbox outbox = new Outbox(clients, settings.activitiesTopic())) {
            outbox.add(tooLarge);
            outbox.add(fine);
            assertThat(fine.result()).as("nothing is sent before sendQueued").isNotDone();

            outbox.sendQueued();

            String landed = fine.result().get(30, TimeUnit.SECONDS);
            assertThatThrownBy(() -> tooLarge.result().get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(RecordTooLargeException.class);
            List<ConsumerRecord<String, byte[]>> onTopic =
                    kafka.readAll(settings.activitiesTopic(), 1, Duration.ofSeconds(15));
            assertThat(onTopic).hasSize(1);
            ConsumerRecord<String, byte[]> sent = onTopic.get(0);
            assertThat(landed).isEqualTo(sent.topic() + "/" + sent.partition() + "@" + sent.offset());
            assertThat(sent.key()).isEqualTo("u-2");
            assertThat(new String(sent.value(), StandardCharsets.UTF_8)).isEqualTo("{\"n\":2}");
            assertThat(KafkaTestCluster.header(sent, "trace-id")).isEqualTo("t-1");
        }
    }

    @Test
    void whatIsQueuedWhenTheViewClosesFailsAndIsNeverSent() throws Exception {
        OutgoingRecord failed = record("u-3", "{\"n\":3}".getBytes(StandardCharsets.UTF_8));
        OutgoingRecord later = record("u-4", "{\"n\":4}".getBytes(StandardCharsets.UTF_8));
        try (Outbox outbox = new Outbox(clients, settings.activitiesTopic())) {
            outbox.add(failed);
            outbox.failQueued();
            outbox.add(later);
            outbox.sendQueued();
            later.result().get(30, TimeUnit.SECONDS);
        }

        assertThatThrownBy(failed.result()::join)
                .hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the Kafka view is closed");
        assertThat(kafka.readAll(settings.activitiesTopic(), 1, Duration.ofSeconds(15)))
                .extracting(ConsumerRecord::key)
                .containsExactly("u-4");
    }
}
