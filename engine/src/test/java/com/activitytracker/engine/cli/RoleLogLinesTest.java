package com.activitytracker.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.activitytracker.engine.testing.KafkaTestCluster;
import com.activitytracker.engine.testing.SharedKafka;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code produce --events 100} at INFO tells its story in the JSON log: start, progress, final, all with fields. */
@Tag("integration")
@ExtendWith(SharedKafka.class)
class RoleLogLinesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void produceLeavesStartProgressAndFinalLinesAsJsonWithFieldsAndNoSecrets(KafkaTestCluster kafka) throws Exception {
        Path clientConfig = Files.writeString(
                dir.resolve("client.properties"),
                "# PLAINTEXT ignores it, but it looks like what a managed cluster's file holds\nssl.key.password=s3cret-value\n");
        Path logs = dir.resolve("logs");
        Path env = Files.writeString(
                dir.resolve("test.env"),
                String.join(
                                "\n",
                                "KAFKA_BOOTSTRAP_SERVERS=" + kafka.bootstrapServers(),
                                "KAFKA_ACTIVITIES_TOPIC=logs-" + UUID.randomUUID(),
                                "KAFKA_CLIENT_CONFIG=" + clientConfig,
                                "EVENTS_PER_SECOND=500",
                                "STATS_INTERVAL=50",
                                "LOG_LEVEL=INFO",
                                "LOG_DIR=" + logs)
                        + "\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = TrackerCli.execute(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                "produce",
                "--events",
                "100",
                "--env-file",
                env.toString());
        assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();

        Path file = logs.resolve("activity-tracker.jsonl");
        // the file appender sits behind an asynchronous queue: wait for the last line to land
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Files.exists(file) && Files.readString(file).contains("\"final\""));
        List<JsonNode> lines = readJsonLines(file);

        String runId = lines.get(0).path("run_id").asText();
        assertThat(runId).isNotBlank();
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.path("role").asText()).isEqualTo("produce");
            assertThat(line.path("run_id").asText()).isEqualTo(runId);
        });
        List<JsonNode> produce =
                lines.stream().filter(l -> l.hasNonNull("phase")).toList();
        // a progress line at 50 events; the one at 100 only if a second has passed (reports are paced)
        List<String> phases =
                produce.stream().map(l -> l.path("phase").asText()).toList();
        assertThat(phases).first().isEqualTo("start");
        assertThat(phases).last().isEqualTo("final");
        assertThat(phases.subList(1, phases.size() - 1))
                .isNotEmpty()
                .hasSizeLessThanOrEqualTo(2)
                .containsOnly("progress");

        JsonNode start = produce.get(0);
        assertThat(start.path("level").asText()).isEqualTo("INFO");
        assertThat(start.path("settings").path("STATS_INTERVAL").asInt()).isEqualTo(50);
        assertThat(start.path("settings").path("KAFKA_CLIENT_CONFIG").asText()).isEqualTo(clientConfig.toString());
        assertThat(produce.get(1).path("sent").asLong()).isEqualTo(50);
        assertThat(produce.get(1).has("rate_per_second")).isTrue();
        JsonNode last = produce.get(produce.size() - 1);
        assertThat(last.path("delivered").asLong()).isEqualTo(100);
        assertThat(last.path("failed").asLong()).isZero();
        assertThat(Files.readString(file))
                .as("the client config's contents are never logged")
                .doesNotContain("s3cret-value");
    }

    @Test
    void analyticsAtDebugLogsEachRecordWithItsProcessingTimeAndItsStory(KafkaTestCluster kafka) throws Exception {
        String topic = "logs-" + UUID.randomUUID();
        Path logs = dir.resolve("logs");
        Path env = Files.writeString(
                dir.resolve("debug.env"),
                String.join(
                                "\n",
                                "KAFKA_BOOTSTRAP_SERVERS=" + kafka.bootstrapServers(),
                                "KAFKA_ACTIVITIES_TOPIC=" + topic,
                                "STATS_INTERVAL=5",
                                "LOG_LEVEL=DEBUG",
                                "LOG_DIR=" + logs)
                        + "\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream stderr = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThat(TrackerCli.execute(stdout, stderr, "topics", "--env-file", env.toString()))
                .isZero();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            records.add(new ProducerRecord<>(
                    topic,
                    "u-" + i,
                    ("{\"event_id\":\"e-" + i + "\",\"event_type\":\"page_view\"," + "\"user_id\":\"u-" + i
                                    + "\",\"timestamp\":\"2026-11-26T10:30:45.123Z\"}")
                            .getBytes(StandardCharsets.UTF_8)));
        }
        kafka.produceRaw(topic, records);

        int code = TrackerCli.execute(
                stdout, stderr, "analytics", "--from-beginning", "--idle-exit", "10s", "--env-file", env.toString());
        assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();

        Path file = logs.resolve("activity-tracker.jsonl");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Files.exists(file)
                        && Files.readString(file).contains("\"role\":\"analytics\"")
                        && Files.readString(file).contains("\"final\""));
        List<JsonNode> lines = readJsonLines(file).stream()
                .filter(l -> l.path("role").asText().equals("analytics"))
                .toList();
        List<JsonNode> processed =
                lines.stream().filter(l -> l.has("processing_ms")).toList();
        assertThat(processed).as(Files.readString(file)).hasSize(5).allSatisfy(l -> {
            assertThat(l.path("level").asText()).isEqualTo("DEBUG");
            assertThat(l.path("consumer").asText()).isEqualTo("analytics");
            assertThat(l.path("topic").asText()).isEqualTo(topic);
            assertThat(l.path("processing_ms").asDouble()).isNotNegative();
            assertThat(l.has("partition") && l.has("offset") && l.has("user_id"))
                    .isTrue();
        });
        assertThat(lines.stream()
                        .filter(l -> l.hasNonNull("phase"))
                        .map(l -> l.path("phase").asText())
                        .toList())
                .containsExactly("start", "progress", "final");
        assertThat(lines.stream()
                        .filter(l -> "final".equals(l.path("phase").asText()))
                        .findFirst()
                        .orElseThrow()
                        .path("events_total")
                        .asLong())
                .isEqualTo(5);
    }

    private static List<JsonNode> readJsonLines(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                out.add(JSON.readTree(line)); // throws on any line that is not valid JSON
            }
        }
        return out;
    }
}
