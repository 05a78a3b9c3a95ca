package com.activitytracker.engine.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.activitytracker.engine.Engine;
import com.activitytracker.engine.EngineListener;
import com.activitytracker.engine.EngineSnapshot;
import com.activitytracker.engine.EngineStatus;
import com.activitytracker.engine.ScoreboardEntry;
import com.activitytracker.engine.analytics.AnalyticsSnapshot;
import com.activitytracker.engine.analytics.AnalyticsState;
import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.event.ActivityEventCodec;
import com.activitytracker.engine.fraud.FraudAlert;
import com.activitytracker.engine.fraud.FraudAlertCodec;
import com.activitytracker.engine.generator.Scenario;
import com.activitytracker.engine.testing.KafkaTestCluster;
import com.activitytracker.engine.testing.SharedKafka;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline through the Engine API: generator → Kafka → analytics + fraud → alerts topic. */
@Tag("e2e")
@ExtendWith(SharedKafka.class)
class EngineEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void everyInjectedScenarioIsCaughtAndAnalyticsMatchTheTopic(KafkaTestCluster kafka) throws Exception {
        Settings settings =
                kafka.freshSettings(dir, Map.of(Settings.EVENTS_PER_SECOND, "300", Settings.STATS_INTERVAL, "1000"));
        List<FraudAlert> raised = Collections.synchronizedList(new ArrayList<>());
        List<EngineStatus.State> states = Collections.synchronizedList(new ArrayList<>());
        try (Engine engine = new Engine(settings, Clock.systemUTC(), new SimpleMeterRegistry(), 2026)) {
            engine.subscribe(new EngineListener() {
                @Override
                public void onAlert(FraudAlert alert) {
                    raised.add(alert);
                }

                @Override
                public void onStatus(EngineStatus status) {
                    states.add(status.state());
                }
            });
            engine.startAndAwait(Duration.ofSeconds(60));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> engine.latestSnapshot() != null
                            && engine.latestSnapshot().analytics().eventsTotal() > 300);

            for (Scenario scenario : Scenario.values()) {
                engine.inject(scenario);
            }
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> engine.latestSnapshot().scoreboard().size() == 5
                            && engine.latestSnapshot().scoreboard().stream().allMatch(ScoreboardEntry::caught));
            EngineSnapshot last = engine.drain(Duration.ofSeconds(30));

            for (ScoreboardEntry entry : last.scoreboard()) {
                assertThat(entry.caughtBy().rule()).isEqualTo(entry.scenario().expectedRule());
                assertThat(entry.detectionLatency()).isLessThan(Duration.ofSeconds(2));
            }
            assertThat(raised)
                    .as("ordinary traffic raises no alert in a short run")
                    .extracting(FraudAlert::userId)
                    .containsExactlyInAnyOrderElementsOf(last.scoreboard().stream()
                            .map(e -> e.scenario().userId())
                            .toList());

            List<ConsumerRecord<String, byte[]>> onTopic =
                    kafka.readAll(settings.alertsTopic(), raised.size(), Duration.ofSeconds(20));
            FraudAlertCodec alertCodec = new FraudAlertCodec();
            List<String> published = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> r : onTopic) {
                published.add(alertCodec.decode(r.value()).alertId());
            }
            assertThat(published)
                    .containsExactlyInAnyOrderElementsOf(
                            raised.stream().map(FraudAlert::alertId).toList());

            // the engine's analytics equal a recomputation from every event on the topic
            long delivered = last.producer().delivered();
            AnalyticsState recomputed = new AnalyticsState(Clock.systemUTC());
            ActivityEventCodec codec = new ActivityEventCodec();
            for (ConsumerRecord<String, byte[]> r :
                    kafka.readAll(settings.activitiesTopic(), (int) delivered, Duration.ofSeconds(30))) {
                recomputed.record(codec.decode(r.value()));
            }
            AnalyticsSnapshot expected = recomputed.snapshot();
            AnalyticsSnapshot actual = last.analytics();
            assertThat(actual.eventsTotal()).isEqualTo(delivered).isEqualTo(expected.eventsTotal());
            assertThat(actual.eventTypes()).isEqualTo(expected.eventTypes());
            assertThat(actual.purchases()).isEqualTo(expected.purchases());
            assertThat(actual.revenueTotal()).isEqualTo(expected.revenueTotal());
            assertThat(actual.uniqueUsers()).isEqualTo(expected.uniqueUsers());
            assertThat(actual.funnel()).isEqualTo(expected.funnel());
            assertThat(last.fraudEventsChecked()).isEqualTo(delivered);
            assertThat(last.endToEnd().count()).isPositive();
        }
        assertThat(states)
                .contains(EngineStatus.State.STARTING, EngineStatus.State.RUNNING, EngineStatus.State.STOPPED);
    }

    @Test
    void closingWhileTheEmbeddedBrokerStartsStopsCleanly() throws Exception {
        Map<String, String> v = Map.of(
                Settings.DATA_DIR,
                dir.resolve("data").toString(),
                Settings.LOG_DIR,
                dir.resolve("logs").toString());
        Settings settings =
                new com.activitytracker.engine.config.SettingsLoader(Map.of(), dir, dir, "Linux").load(null, v);
        Engine engine = new Engine(settings, Clock.systemUTC(), new SimpleMeterRegistry(), 1);
        engine.start();
        engine.close();
        assertThat(engine.status().state()).isEqualTo(EngineStatus.State.STOPPED);
        // the broker's data folder is free again: a new broker can start on it at once
        try (var again =
                com.activitytracker.engine.kafka.EmbeddedKafkaBroker.start(dir.resolve("data/embedded"), 0, true)) {
            assertThat(again.bootstrapServers()).startsWith("localhost:");
        }
    }

    @Test
    void aThresholdChangedLiveAppliesToTheNextEvents(KafkaTestCluster kafka) throws Exception {
        Settings settings = kafka.freshSettings(dir, Map.of(Settings.EVENTS_PER_SECOND, "50"));
        List<FraudAlert> raised = Collections.synchronizedList(new ArrayList<>());
        try (Engine engine = new Engine(settings, Clock.systemUTC(), new SimpleMeterRegistry(), 7)) {
            engine.subscribe(new EngineListener() {
                @Override
                public void onAlert(FraudAlert alert) {
                    raised.add(alert);
                }
            });
            engine.startAndAwait(Duration.ofSeconds(60));
            // a whale purchase is $7,500 to $25,000: above 1,000,000 nothing fires, back at 5,000 it does
            engine.updateThresholds(engine.thresholds().withHighValueAmount(1_000_000));
            engine.inject(Scenario.WHALE_PURCHASE);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> engine.latestSnapshot() != null
                            && engine.latestSnapshot().fraudEventsChecked() > 0
                            && engine.latestSnapshot().scoreboard().size() == 1);
            engine.drain(Duration.ofSeconds(10));
            assertThat(raised).noneMatch(a -> a.rule().equals("HIGH_VALUE_PURCHASE"));

            engine.resume();
            engine.updateThresholds(engine.thresholds().withHighValueAmount(5_000));
            engine.inject(Scenario.WHALE_PURCHASE);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> raised.stream().anyMatch(a -> a.rule().equals("HIGH_VALUE_PURCHASE")));
        }
    }
}
