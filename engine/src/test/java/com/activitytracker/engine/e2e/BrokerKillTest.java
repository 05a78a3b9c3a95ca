package com.activitytracker.engine.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.activitytracker.engine.cli.TrackerCli;
import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.event.ActivityEventCodec;
import com.activitytracker.engine.kafka.KafkaClientFactory;
import com.activitytracker.engine.kafka.TopicAdmin;
import com.activitytracker.engine.testing.KafkaTestCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user does by hand: {@code broker} in one terminal, {@code produce} in another, the broker
 * killed with SIGKILL (no clean shutdown, so it recovers its log on restart) and brought back a
 * minute later on the same port and data. The producer, a separate process too, must finish with
 * exit 0 and 0 failed, and every event must be in the topic exactly once. It generates its last
 * events while the broker is down, so it has to keep them until the broker is back.
 */
@Tag("e2e")
class BrokerKillTest {
    private static final int EVENTS = 30_000;
    private static final int RATE = 1_000;
    /** The outage the producer has to ride out, as it reports it itself. */
    private static final int OUTAGE_SECONDS = 60;

    private static final Pattern WAITING = Pattern.compile("Waiting for Kafka at \\S+ \\((\\d+) s\\)");

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopChildren() throws InterruptedException {
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aBrokerKilledForAMinuteCostsTheProducerNoEventAndDuplicatesNone() throws Exception {
        int port = freePort();
        String bootstrap = "localhost:" + port;
        Path brokerOut = dir.resolve("broker-1.out");
        Process broker = startBroker(port, brokerOut);
        await().atMost(Duration.ofSeconds(90)).until(() -> output(brokerOut).contains("Kafka broker ready"));

        Settings settings = new KafkaTestCluster(bootstrap).freshSettings(dir, Map.of());
        new TopicAdmin(new KafkaClientFactory(settings), Duration.ofSeconds(30)).ensureTopics(settings, true);

        Path produceOut = dir.resolve("produce.out");
        Process produce = start(
                produceOut,
                "produce",
                "--bootstrap-servers",
                bootstrap,
                "--topic",
                settings.activitiesTopic(),
                "--rate",
                String.valueOf(RATE),
                "--events",
                String.valueOf(EVENTS),
                "--seed",
                "7");
        await().atMost(Duration.ofSeconds(60)).until(() -> output(produceOut).contains("✅ Delivered to"));

        broker.destroyForcibly(); // SIGKILL: no controlled shutdown, no flush
        assertThat(broker.waitFor(30, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(OUTAGE_SECONDS + 60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> longestReportedWait(output(produceOut)) >= OUTAGE_SECONDS);
        assertThat(produce.isAlive())
                .as("the producer is still waiting after %d s", OUTAGE_SECONDS)
                .isTrue();

        Path brokerOutAgain = dir.resolve("broker-2.out");
        startBroker(port, brokerOutAgain);
        await().atMost(Duration.ofSeconds(120))
                .until(() -> output(brokerOutAgain).contains("Kafka broker ready"));

        assertThat(produce.waitFor(5, TimeUnit.MINUTES))
                .as("produce finished; its output:%n%s", output(produceOut))
                .isTrue();
        String report = output(produceOut);
        assertThat(produce.exitValue()).as(report).isZero();
        assertThat(report).contains("Kafka answered again after").contains("Failed deliveries: 0");
        assertThat(report).contains("Successful deliveries: " + EVENTS);

        List<ConsumerRecord<String, byte[]>> records =
                new KafkaTestCluster(bootstrap).readAll(settings.activitiesTopic(), EVENTS, Duration.ofSeconds(120));
        ActivityEventCodec codec = new ActivityEventCodec();
        Set<String> ids = new HashSet<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            ids.add(codec.decode(r.value()).eventId());
        }
        assertThat(records).hasSize(EVENTS); // none lost
        assertThat(ids).hasSize(EVENTS); // and the idempotent producer's retries wrote none twice
    }

    private Process startBroker(int port, Path out) throws IOException {
        return start(out, "broker", "--port", String.valueOf(port));
    }

    /** The engine's command line in a JVM of its own, settings from a clean environment. */
    private Process start(Path out, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                TrackerCli.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(out.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("KAFKA_") || k.startsWith("LOG_") || k.equals("DATA_DIR"));
        env.put(Settings.DATA_DIR, dir.resolve("data").toString());
        env.put(Settings.LOG_DIR, dir.resolve("logs").toString());
        Process p = builder.start();
        processes.add(p);
        return p;
    }

    private static int longestReportedWait(String output) {
        Matcher m = WAITING.matcher(output);
        int longest = 0;
        while (m.find()) {
            longest = Math.max(longest, Integer.parseInt(m.group(1)));
        }
        return longest;
    }

    private static String output(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
