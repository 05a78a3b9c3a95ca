package com.activitytracker.engine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.consumer.ConsumerWorker;
import com.activitytracker.engine.consumer.FraudDetectionProcessor;
import com.activitytracker.engine.event.ActivityEvent;
import com.activitytracker.engine.event.EventTypes;
import com.activitytracker.engine.fraud.FraudAlert;
import com.activitytracker.engine.fraud.FraudThresholds;
import com.activitytracker.engine.kafka.KafkaClientFactory;
import com.activitytracker.engine.kafka.TopicAdmin;
import com.activitytracker.engine.testing.EventScript;
import com.activitytracker.engine.testing.KafkaTestCluster;
import com.activitytracker.engine.testing.SharedKafka;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delivery semantics of the fraud detector: a consumer killed and replaced neither misses nor repeats
 * an alert, and two detectors in one group raise exactly what one raises.
 */
@Tag("e2e")
@ExtendWith(SharedKafka.class)
class FraudRestartTest {
    @TempDir
    Path dir;

    private Settings settings;
    private KafkaClientFactory clients;
    private List<ActivityEvent> firstHalf;
    private List<ActivityEvent> secondHalf;
    private EventScript script;

    @BeforeEach
    void patternsThatSpanTheRestart(KafkaTestCluster kafka) {
        settings = kafka.freshSettings(dir, Map.of());
        clients = new KafkaClientFactory(settings);
        new TopicAdmin(clients, Duration.ofSeconds(10)).ensureTopics(settings, true);
        script = new EventScript(Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS));
        List<ActivityEvent> before = new ArrayList<>();
        List<ActivityEvent> after = new ArrayList<>();
        // "slow-bot" reaches 30 events in a minute only after the restart: missed without rebuilt windows
        for (int i = 0; i < 35; i++) {
            script.add("slow-bot", EventTypes.CLICK, i);
        }
        // "fast-bot" alerts before the restart and keeps going in the same window: must not alert twice
        for (int i = 0; i < 60; i++) {
            script.add("fast-bot", EventTypes.CLICK, i * 0.9);
        }
        // "victim": failed logins before the restart, the successful login after it
        for (int i = 0; i < 5; i++) {
            script.add("victim", EventTypes.LOGIN_FAILED, i * 5);
        }
        script.add("victim", EventTypes.LOGIN, 40);
        // "traveller": US before, RU after
        script.from("traveller", EventTypes.PAGE_VIEW, 2, "US").from("traveller", EventTypes.PAGE_VIEW, 45, "RU");
        for (ActivityEvent e : script.events()) {
            boolean early = switch (e.userId()) {
                case "slow-bot" ->
                    e.timestamp().isBefore(script.events().get(0).timestamp().plusSeconds(20));
                case "fast-bot" ->
                    e.timestamp().isBefore(script.events().get(0).timestamp().plusSeconds(36));
                case "victim" -> e.is(EventTypes.LOGIN_FAILED);
                default -> e.country().equals("US");
            };
            (early ? before : after).add(e);
        }
        firstHalf = before;
        secondHalf = after;
    }

    @Test
    void aReplacedConsumerNeitherMissesNorRepeatsAnAlert(KafkaTestCluster kafka) throws Exception {
        String topic = settings.activitiesTopic();
        kafka.produceRaw(topic, script.records(topic, firstHalf));
        List<FraudAlert> split = new ArrayList<>(detect("restarted", 1));
        kafka.produceRaw(topic, script.records(topic, secondHalf));
        split.addAll(detect("restarted", 1));

        List<FraudAlert> uninterrupted = detect("uninterrupted", 1);

        assertThat(ruleAndUser(uninterrupted))
                .containsExactlyInAnyOrder(
                        "HIGH_VELOCITY/slow-bot",
                        "HIGH_VELOCITY/fast-bot",
                        "ACCOUNT_TAKEOVER/victim",
                        "IMPOSSIBLE_TRAVEL/traveller");
        assertThat(split)
                .extracting(FraudAlert::alertId)
                .containsExactlyInAnyOrderElementsOf(
                        uninterrupted.stream().map(FraudAlert::alertId).toList());
    }

    @Test
    void twoDetectorsInOneGroupRaiseExactlyWhatOneRaises(KafkaTestCluster kafka) throws Exception {
        String topic = settings.activitiesTopic();
        kafka.produceRaw(topic, script.records(topic));
        List<FraudAlert> one = detect("single", 1);
        List<FraudAlert> two = detect("pair", 2);
        assertThat(two)
                .extracting(FraudAlert::alertId)
                .containsExactlyInAnyOrderElementsOf(
                        one.stream().map(FraudAlert::alertId).toList());
        assertThat(one).hasSize(4);
    }

    /** Runs {@code count} detectors of one group over the topic until they have been idle for 3 s. */
    private List<FraudAlert> detect(String group, int count) throws InterruptedException {
        List<FraudAlert> alerts = Collections.synchronizedList(new ArrayList<>());
        List<ConsumerWorker> workers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            FraudDetectionProcessor processor = new FraudDetectionProcessor(
                    FraudThresholds.defaults(),
                    clients.rawProducer("fraud-test"),
                    settings.alertsTopic(),
                    settings.dlqTopic(),
                    Clock.systemUTC(),
                    new SimpleMeterRegistry(),
                    alerts::add);
            String clientId = "fraud-" + i;
            workers.add(new ConsumerWorker(
                    clientId,
                    () -> clients.consumer(group, clientId, true),
                    settings.activitiesTopic(),
                    processor,
                    Clock.systemUTC(),
                    Duration.ofSeconds(3)));
        }
        workers.forEach(ConsumerWorker::start);
        for (ConsumerWorker w : workers) {
            assertThat(w.awaitFinished(Duration.ofSeconds(60))).isTrue();
            assertThat(w.stats().error()).isNull();
        }
        return List.copyOf(alerts);
    }

    private static List<String> ruleAndUser(List<FraudAlert> alerts) {
        return alerts.stream().map(a -> a.rule() + "/" + a.userId()).toList();
    }
}
