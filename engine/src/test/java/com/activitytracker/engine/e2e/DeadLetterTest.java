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
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Malformed records go to the DLQ with their headers, are counted, and the pipeline keeps flowing. */
@Tag("integration")
@ExtendWith(SharedKafka.class)
class DeadLetterTest {
    @TempDir
    Path dir;

    @Test
    void everyMalformedRecordIsDeadLetteredUnchangedAndCountedWhileValidOnesFlow(KafkaTestCluster kafka)
            throws Exception {
        Settings settings = kafka.freshSettings(dir, Map.of());
        new TopicAdmin(new KafkaClientFactory(settings), Duration.ofSeconds(10)).ensureTopics(settings, true);
        String topic = settings.activitiesTopic();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        EventScript valid = new EventScript(t0);
        for (int i = 0; i < 10; i++) {
            valid.add("user-" + i, EventTypes.PAGE_VIEW, i);
        }
        List<byte[]> malformed = List.of(
                new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF},
                utf8("not json at all"),
                utf8("[1,2,3]"),
                utf8("{\"event_id\":\"x1\",\"event_type\":\"click\",\"timestamp\":\"" + t0 + "\"}"),
                utf8("{\"event_id\":\"x2\",\"event_type\":\"click\",\"user_id\":7,\"timestamp\":\"" + t0 + "\"}"),
                utf8("{\"event_id\":\"x3\",\"event_type\":\"click\",\"user_id\":\"u\",\"timestamp\":\"tuesday\"}"),
                utf8("{\"event_id\":\"x4\",\"event_type\":\"purchase\",\"user_id\":\"u\",\"timestamp\":\"" + t0
                        + "\"}"),
                utf8("{\"event_id\":\"x5\",\"event_type\":\"purchase\",\"user_id\":\"u\",\"timestamp\":\"" + t0
                        + "\",\"amount\":-3}"),
                hugeButValidJson(t0),
                // strict JSON: each of these was once counted as an event
                utf8("{\"event_id\":\"x7\",\"event_type\":\"click\",\"user_id\":\"u\",\"timestamp\":\"" + t0
                        + "\"} junk"),
                utf8(
                        "{\"event_id\":\"x8\",\"event_type\":\"click\",\"user_id\":\"u\",\"user_id\":\"v\",\"timestamp\":\""
                                + t0 + "\"}"),
                utf8("{\"event_id\":\"x9\",\"event_type\":\"purchase\",\"user_id\":\"u\",\"timestamp\":\"" + t0
                        + "\",\"amount\":1e400}"),
                utf8("{\"event_id\":\"x10\",\"x\":" + "[".repeat(100_000)),
                utf8("null"),
                new byte[0]);
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(valid.records(topic));
        malformed.forEach(bytes -> records.add(new ProducerRecord<>(topic, "bad", bytes)));
        // more valid events after the bad ones: the consumers must carry on past them
        EventScript after = new EventScript(t0.plusSeconds(20));
        after.purchase("user-1", 0, 25.0);
        records.addAll(after.records(topic));
        kafka.produceRaw(topic, records);

        Path env = Files.writeString(
                dir.resolve("test.env"),
                "KAFKA_DLQ_TOPIC=" + settings.dlqTopic() + "\nKAFKA_ALERTS_TOPIC=" + settings.alertsTopic()
                        + "\nLOG_DIR=" + dir.resolve("logs") + "\n");
        Path report = dir.resolve("report.json");
        String[] common = {
            "--bootstrap-servers",
            kafka.bootstrapServers(),
            "--topic",
            topic,
            "--env-file",
            env.toString(),
            "--from-beginning",
            "--idle-exit",
            "3s"
        };
        assertThat(cli(concat(common, "analytics", "--report-json", report.toString())))
                .isZero();
        assertThat(cli(concat(common, "fraud"))).isZero();

        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.get("events_total").asLong()).isEqualTo(11);
        assertThat(json.get("invalid_records").asLong()).isEqualTo(malformed.size());
        assertThat(json.get("purchases").asLong()).isEqualTo(1);
        assertThat(json.get("revenue_total").asDouble()).isEqualTo(25.0);

        List<ConsumerRecord<String, byte[]>> dead =
                kafka.readAll(settings.dlqTopic(), 2 * malformed.size(), Duration.ofSeconds(30));
        assertThat(dead).hasSize(2 * malformed.size());
        assertThat(dead)
                .extracting(r -> KafkaTestCluster.header(r, "dlq.consumer"))
                .containsOnly("analytics", "fraud")
                .filteredOn("analytics"::equals)
                .hasSize(malformed.size());
        for (ConsumerRecord<String, byte[]> r : dead) {
            assertThat(KafkaTestCluster.header(r, "dlq.error")).isNotBlank().doesNotContain("\n");
            assertThat(KafkaTestCluster.header(r, "dlq.source.topic")).isEqualTo(topic);
            assertThat(KafkaTestCluster.header(r, "dlq.source.partition")).matches("\\d+");
            assertThat(KafkaTestCluster.header(r, "dlq.source.offset")).matches("\\d+");
            assertThat(r.key()).isEqualTo("bad");
            assertThat(malformed)
                    .anySatisfy(original ->
                            assertThat(Arrays.equals(original, r.value())).isTrue());
        }
        assertThat(dead)
                .extracting(r -> KafkaTestCluster.header(r, "dlq.error"))
                .anySatisfy(e -> assertThat(e).contains("exceeds the 1 MiB limit"))
                .anySatisfy(e -> assertThat(e).contains("not UTF-8"))
                .anySatisfy(e -> assertThat(e).contains("'user_id' is missing"))
                .anySatisfy(e -> assertThat(e).contains("content after the event object"))
                .anySatisfy(e -> assertThat(e).contains("key 'user_id' given twice"))
                .anySatisfy(e -> assertThat(e).contains("number 1e400 is not finite"))
                .anySatisfy(e -> assertThat(e).contains("nested deeper than 32 levels"))
                .anySatisfy(e -> assertThat(e).contains("not a JSON object but null"))
                .anySatisfy(e -> assertThat(e).contains("empty record"));
    }

    private static byte[] hugeButValidJson(Instant t0) {
        String padding = "x".repeat(1024 * 1024 + 10);
        return utf8("{\"event_id\":\"x6\",\"event_type\":\"click\",\"user_id\":\"u\",\"timestamp\":\"" + t0
                + "\",\"properties\":{\"padding\":\"" + padding + "\"}}");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static int cli(String... args) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        return TrackerCli.execute(
                new PrintStream(sink, true, StandardCharsets.UTF_8),
                new PrintStream(sink, true, StandardCharsets.UTF_8),
                args);
    }

    private static String[] concat(String[] common, String... command) {
        String[] all = new String[command.length + common.length];
        all[0] = command[0];
        System.arraycopy(common, 0, all, 1, common.length);
        System.arraycopy(command, 1, all, 1 + common.length, command.length - 1);
        return all;
    }
}
