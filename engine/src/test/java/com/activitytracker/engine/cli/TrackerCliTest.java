package com.activitytracker.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.activitytracker.engine.event.ActivityEventCodec;
import com.activitytracker.engine.testing.KafkaTestCluster;
import com.activitytracker.engine.testing.SharedKafka;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SharedKafka.class)
class TrackerCliTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return TrackerCli.execute(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    @Tag("unit")
    void anUnknownOptionIsAUsageErrorOnOneLine() {
        assertThat(run("produce", "--speed", "5")).isEqualTo(2);
        assertThat(err())
                .startsWith("error: Unknown option")
                .contains("'--speed'")
                .contains("--help");
        assertThat(err().strip().lines()).hasSize(1);
    }

    @Test
    @Tag("unit")
    void aNegativeRateNamesTheSetting() {
        assertThat(run("produce", "--rate", "-5", "--log-level", "ERROR")).isEqualTo(2);
        assertThat(err().strip())
                .startsWith("error: EVENTS_PER_SECOND must be between 0 and")
                .doesNotContain("Exception");
    }

    @Test
    @Tag("unit")
    void aBadEventCountIsAUsageError() {
        assertThat(run("produce", "--events", "0")).isEqualTo(2);
        assertThat(err()).contains("--events must be a positive number");
    }

    @Test
    @Tag("unit")
    void helpListsTheCommands() {
        assertThat(run("--help")).isZero();
        assertThat(out()).contains("broker", "topics", "produce", "run");
    }

    @Test
    @Tag("integration")
    void anUnreachableBrokerFailsWithAClearMessage() {
        int code = run("produce", "--bootstrap-servers", "localhost:1", "--events", "5", "--log-level", "ERROR");
        assertThat(code).isEqualTo(1);
        assertThat(err().strip())
                .startsWith("error: cannot reach Kafka at localhost:1")
                .doesNotContain("\tat ");
    }

    @Test
    @Tag("integration")
    void topicsThenProduceDeliversEveryEventAndPrintsTheSeedStatistics(KafkaTestCluster kafka) throws Exception {
        String topic = "cli-" + UUID.randomUUID();
        String[] where = {"--bootstrap-servers", kafka.bootstrapServers(), "--topic", topic};
        assertThat(run(concat(new String[] {"topics"}, where))).isZero();
        assertThat(out()).contains("Created topic " + topic);

        int code = run(
                concat(new String[] {"produce", "--events", "100", "--rate", "500", "--stats-interval", "50"}, where));
        assertThat(code).as(err()).isZero();
        // a delivery line is guaranteed by the final statistics; progress lines show one only when a new report came
        // back
        assertThat(out())
                .contains(
                        "🚀 User Activity Event Producer",
                        "📊 Events sent: 50",
                        "✅ Delivered to " + topic,
                        "Total events sent: 100",
                        "Successful deliveries: 100",
                        "Failed deliveries: 0");
        List<String> deliveryLines =
                out().lines().filter(l -> l.startsWith("✅ Delivered")).toList();
        assertThat(deliveryLines).doesNotHaveDuplicates();

        var records = kafka.readAll(topic, 100, Duration.ofSeconds(30));
        assertThat(records).hasSize(100);
        ActivityEventCodec codec = new ActivityEventCodec();
        for (var r : records) {
            assertThat(codec.decode(r.value()).userId()).isEqualTo(r.key());
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
