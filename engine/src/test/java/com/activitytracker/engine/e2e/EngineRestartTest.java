package com.activitytracker.engine.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.activitytracker.engine.Engine;
import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.testing.KafkaTestCluster;
import com.activitytracker.engine.testing.SharedKafka;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's "apply settings" restarts the engine: twenty restarts against one broker leave no
 * Kafka client (the clients' own app-info MBeans) and no thread behind.
 */
@Tag("integration")
@ExtendWith(SharedKafka.class)
class EngineRestartTest {
    private static final int RESTARTS = 20;
    private static final List<String> CLIENT_KINDS = List.of("kafka.producer", "kafka.consumer", "kafka.admin.client");

    @TempDir
    Path dir;

    @Test
    void twentyRestartsLeaveThreadsAndClientsAtTheirBaseline(KafkaTestCluster kafka) throws Exception {
        Settings settings = kafka.freshSettings(dir, Map.of(Settings.EVENTS_PER_SECOND, "200"));
        runOnce(settings); // the first run loads what a JVM keeps for good (logging, class-level pools)
        Map<String, Integer> clientsBefore = openClients();
        Map<String, Long> threadsBefore = threads();

        for (int i = 0; i < RESTARTS; i++) {
            runOnce(settings);
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(openClients()).as("Kafka clients still registered").isEqualTo(clientsBefore);
            Map<String, Long> after = threads();
            assertThat(after)
                    .as("threads by name, digits folded")
                    .allSatisfy((name, n) ->
                            assertThat(n).as(name).isLessThanOrEqualTo(threadsBefore.getOrDefault(name, 0L)));
        });
    }

    private static void runOnce(Settings settings) throws Exception {
        try (Engine engine = new Engine(settings, Clock.systemUTC(), new SimpleMeterRegistry(), 7)) {
            engine.startAndAwait(Duration.ofSeconds(60));
            assertThat(openClients())
                    .as("while running")
                    .allSatisfy((kind, n) -> assertThat(n).isPositive());
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> engine.latestSnapshot() != null
                            && engine.latestSnapshot().fraudEventsChecked() > 0);
        }
    }

    /** Live threads by name with numbers folded ("kafka-producer-network-thread | producer-7" → "…producer-#"). */
    private static Map<String, Long> threads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(t -> t.getName().replaceAll("\\d+", "#"))
                // the JVM's common pool grows and shrinks with whatever else runs in it, and Awaitility
                // evaluates the final check on a thread of its own
                .filter(name -> !name.startsWith("ForkJoinPool") && !name.startsWith("awaitility"))
                .collect(Collectors.groupingBy(name -> name, TreeMap::new, Collectors.counting()));
    }

    /** Kafka registers an app-info MBean for each client it creates and removes it when the client closes. */
    private static Map<String, Integer> openClients() throws MalformedObjectNameException {
        Map<String, Integer> open = new TreeMap<>();
        for (String kind : CLIENT_KINDS) {
            open.put(
                    kind,
                    ManagementFactory.getPlatformMBeanServer()
                            .queryNames(new ObjectName(kind + ":type=app-info,*"), null)
                            .size());
        }
        return open;
    }
}
