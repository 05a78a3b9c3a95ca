package com.activitytracker.engine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.activitytracker.engine.cli.TrackerCli;
import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.event.EventTypes;
import com.activitytracker.engine.kafka.KafkaClientFactory;
import com.activitytracker.engine.kafka.TopicAdmin;
import com.activitytracker.engine.testing.EventScript;
import com.activitytracker.engine.testing.KafkaTestCluster;
import com.activitytracker.engine.testing.SharedKafka;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --idle-exit} after a crash: the group still counts the dead member until its time runs out,
 * and a restarted detector must wait for its partitions, read everything, and only then exit 0.
 */
@Tag("e2e")
@ExtendWith(SharedKafka.class)
class IdleExitTest {
    private static final int EVENTS = 3_000;
    /** How long the group waits for the dead member; the idle limit below is much shorter. */
    private static final int DEAD_MEMBER_TIMEOUT_MS = 8_000;

    @TempDir
    Path dir;

    @Test
    void aRestartedDetectorWaitsOutADeadMemberAndReadsEverythingBeforeExitingZero(KafkaTestCluster kafka)
            throws Exception {
        Settings settings = kafka.freshSettings(dir, Map.of());
        new TopicAdmin(new KafkaClientFactory(settings), Duration.ofSeconds(10)).ensureTopics(settings, true);
        EventScript script = new EventScript(Instant.now().minusSeconds(600));
        for (int i = 0; i < EVENTS; i++) {
            script.add("user-" + (i % 300), EventTypes.PAGE_VIEW, i * 0.1);
        }
        kafka.produceRaw(settings.activitiesTopic(), script.records(settings.activitiesTopic()));
        String group = "idle-exit-" + dir.getFileName();

        KafkaConsumer<byte[], byte[]> dead = deadMember(kafka, group, settings.activitiesTopic());
        try {
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            long t0 = System.nanoTime();
            int exit = fraud(sink, kafka, settings, group);
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            String out = sink.toString(StandardCharsets.UTF_8);

            assertThat(exit).as(out).isZero();
            assertThat(out).contains("📊 Fraud detector: " + EVENTS + " events checked");
            assertThat(took)
                    .as("waited for the group, then stopped without hanging")
                    .isLessThan(Duration.ofSeconds(40));
        } finally {
            dead.close(); // only now: until the detector is done, it is a member that never polls again
        }
    }

    /** A member that joined, got every partition, and then stopped polling without leaving: a crashed process. */
    private static KafkaConsumer<byte[], byte[]> deadMember(KafkaTestCluster kafka, String group, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "6000");
        p.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, String.valueOf(DEAD_MEMBER_TIMEOUT_MS));
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p);
        consumer.subscribe(List.of(topic));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200));
        }
        assertThat(consumer.assignment())
                .as("the soon-dead member owns the partitions")
                .isNotEmpty();
        return consumer;
    }

    private static int fraud(ByteArrayOutputStream sink, KafkaTestCluster kafka, Settings settings, String group)
            throws Exception {
        Path env = Files.writeString(
                Files.createTempFile("idle", ".env"),
                "KAFKA_DLQ_TOPIC=" + settings.dlqTopic() + "\nKAFKA_ALERTS_TOPIC=" + settings.alertsTopic()
                        + "\nLOG_DIR=" + settings.logDir() + "\n");
        PrintStream out = new PrintStream(sink, true, StandardCharsets.UTF_8);
        return TrackerCli.execute(
                out,
                out,
                "fraud",
                "--bootstrap-servers",
                kafka.bootstrapServers(),
                "--topic",
                settings.activitiesTopic(),
                "--env-file",
                env.toString(),
                "--group",
                group,
                "--from-beginning",
                "--idle-exit",
                "2s");
    }
}
