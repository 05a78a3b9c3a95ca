package com.activitytracker.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.event.ActivityEvent;
import com.activitytracker.engine.event.ActivityEventCodec;
import com.activitytracker.engine.observability.DeadLetter;
import com.activitytracker.engine.testing.KafkaTestCluster;
import com.activitytracker.engine.testing.SharedKafka;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code tail} and {@code dlq show|replay} against a real broker, as a headless user runs them. */
@Tag("integration")
@ExtendWith(SharedKafka.class)
class RecordCommandsTest {
    private static final String PURCHASE_WITHOUT_AMOUNT =
            "{\"event_id\":\"e-1\",\"event_type\":\"purchase\",\"user_id\":\"u-7\","
                    + "\"timestamp\":\"2026-11-26T10:30:45.123Z\",\"order_id\":\"o-1\"}";

    @TempDir
    Path dir;

    private Settings settings;
    private Path env;
    private ByteArrayOutputStream out;
    private ByteArrayOutputStream err;

    @BeforeEach
    void topics(KafkaTestCluster kafka) throws IOException {
        settings = kafka.freshSettings(dir, Map.of());
        Roles.connect(settings); // creates the three topics
        env = Files.writeString(
                dir.resolve("test.env"),
                String.join(
                                "\n",
                                "KAFKA_BOOTSTRAP_SERVERS=" + kafka.bootstrapServers(),
                                "KAFKA_ACTIVITIES_TOPIC=" + settings.activitiesTopic(),
                                "KAFKA_ALERTS_TOPIC=" + settings.alertsTopic(),
                                "KAFKA_DLQ_TOPIC=" + settings.dlqTopic(),
                                "LOG_DIR=" + dir.resolve("logs"),
                                "LOG_LEVEL=ERROR")
                        + "\n");
    }

    private int run(String... args) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--env-file";
        all[args.length + 1] = env.toString();
        return TrackerCli.execute(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                all);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void tailPrintsOneUsersRecordsWithWhereTheySitTheirHeadersAndIndentedJson(KafkaTestCluster kafka) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("source", "test".getBytes(StandardCharsets.UTF_8));
        kafka.produceRaw(
                settings.activitiesTopic(),
                List.of(
                        new ProducerRecord<>(settings.activitiesTopic(), 0, "u-1", json("u-1", "page_view"), headers),
                        new ProducerRecord<>(settings.activitiesTopic(), 0, "u-2", json("u-2", "click")),
                        new ProducerRecord<>(settings.activitiesTopic(), 0, "u-1", json("u-1", "search"))));

        assertThat(run("tail", "activities", "--from-beginning", "--user", "u-1", "--max", "2"))
                .isZero();

        assertThat(out())
                .contains(
                        "partition 0  offset 0",
                        "partition 0  offset 2",
                        "key: u-1",
                        "header source: test",
                        "\"event_type\" : \"page_view\"",
                        "\"event_type\" : \"search\"",
                        "2 records shown")
                .doesNotContain("u-2");
    }

    @Test
    void tailOfAMissingTopicIsOneLineNamingIt() {
        assertThat(run("tail", "no-such-topic-here", "--max", "1")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .startsWith("error: no topic named 'no-such-topic-here'")
                .doesNotContain("\tat ");
    }

    @Test
    void dlqShowGivesWhyWhoAndWhereAndEscapesWhatATerminalWouldObey(KafkaTestCluster kafka) {
        deadLetters(kafka);

        assertThat(run("dlq", "show")).isZero();

        assertThat(out())
                .contains(
                        "why:      purchase without amount",
                        "rejected: by analytics, read at " + settings.activitiesTopic() + "/0@5",
                        "now:      still invalid",
                        "value (13 bytes, not JSON): {not json\\u001b[2J",
                        "4 dead letters in " + settings.dlqTopic())
                .doesNotContain("\u001b");
    }

    @Test
    void dlqReplaySendsACorrectedRecordBackOnceAndReportsWhatStaysInvalid(KafkaTestCluster kafka) throws Exception {
        deadLetters(kafka);
        String source = settings.activitiesTopic() + "/0@5";

        assertThat(run("dlq", "replay", "--dry-run")).isZero();
        assertThat(out()).contains("Would replay 0 of 2 dead letters", "2 stay invalid");

        assertThat(run("dlq", "replay", "--only", source, "--set", "amount=19.99"))
                .isZero();
        assertThat(out())
                .contains(
                        "↩️  replayed " + source + " → " + settings.activitiesTopic(),
                        "Replayed 1 of 1 dead letter to " + settings.activitiesTopic() + "; 0 stay invalid");

        List<ConsumerRecord<String, byte[]>> replayed =
                kafka.readAll(settings.activitiesTopic(), 1, Duration.ofSeconds(10));
        assertThat(replayed).hasSize(1);
        ActivityEvent event = new ActivityEventCodec().decode(replayed.get(0).value());
        assertThat(event.amount()).isEqualTo(19.99);
        assertThat(replayed.get(0).key()).isEqualTo("u-7");
        assertThat(new String(
                        replayed.get(0)
                                .headers()
                                .lastHeader(DeadLetter.REPLAYED_FROM)
                                .value(),
                        StandardCharsets.UTF_8))
                .startsWith(settings.dlqTopic() + "/");

        assertThat(run("dlq", "replay")).isZero();
        assertThat(out())
                .contains(
                        "✖  stays invalid: " + settings.activitiesTopic() + "/0@5: ",
                        "✖  stays invalid: " + settings.activitiesTopic() + "/0@6: ",
                        "Replayed 0 of 2");
    }

    /** What the two consumers write for two bad records: each record twice, once per consumer. */
    private void deadLetters(KafkaTestCluster kafka) {
        byte[] terminalTrick = "{not json\u001b[2J".getBytes(StandardCharsets.UTF_8);
        kafka.produceRaw(
                settings.dlqTopic(),
                List.of(
                        deadLetter(
                                "u-7",
                                PURCHASE_WITHOUT_AMOUNT.getBytes(StandardCharsets.UTF_8),
                                "purchase without amount",
                                5,
                                "analytics"),
                        deadLetter(
                                "u-7",
                                PURCHASE_WITHOUT_AMOUNT.getBytes(StandardCharsets.UTF_8),
                                "purchase without amount",
                                5,
                                "fraud"),
                        deadLetter("u-8", terminalTrick, "not JSON", 6, "analytics"),
                        deadLetter("u-8", terminalTrick, "not JSON", 6, "fraud")));
    }

    private ProducerRecord<String, byte[]> deadLetter(
            String key, byte[] value, String why, long offset, String consumer) {
        RecordHeaders h = new RecordHeaders();
        h.add(DeadLetter.ERROR, why.getBytes(StandardCharsets.UTF_8));
        h.add(DeadLetter.SOURCE_TOPIC, settings.activitiesTopic().getBytes(StandardCharsets.UTF_8));
        h.add(DeadLetter.SOURCE_PARTITION, "0".getBytes(StandardCharsets.UTF_8));
        h.add(DeadLetter.SOURCE_OFFSET, Long.toString(offset).getBytes(StandardCharsets.UTF_8));
        h.add(DeadLetter.CONSUMER, consumer.getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(settings.dlqTopic(), 0, key, value, h);
    }

    private static byte[] json(String user, String type) {
        return ("{\"event_id\":\"" + user + type + "\",\"event_type\":\"" + type + "\",\"user_id\":\"" + user
                        + "\",\"timestamp\":\"2026-11-26T10:30:45.123Z\"}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
