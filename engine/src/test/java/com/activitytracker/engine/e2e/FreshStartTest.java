package com.activitytracker.engine.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.activitytracker.engine.Engine;
import com.activitytracker.engine.EngineSnapshot;
import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.consumer.ConsumerPipeline.StartFrom;
import com.activitytracker.engine.event.EventTypes;
import com.activitytracker.engine.testing.EventScript;
import com.activitytracker.engine.testing.KafkaTestCluster;
import com.activitytracker.engine.testing.SharedKafka;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A demo relaunched on the data an earlier run left starts at lag 0: the engine's fraud group starts
 * at the end of the topic unless told to resume, whatever it had committed.
 */
@Tag("e2e")
@ExtendWith(SharedKafka.class)
class FreshStartTest {
    private static final int LEFT_UNREAD = 2_000;

    @TempDir
    Path dir;

    @Test
    void aRelaunchedEngineStartsAtTheEndWhileAResumingOneReadsTheBacklog(KafkaTestCluster kafka) throws Exception {
        Settings settings = kafka.freshSettings(dir, Map.of(Settings.EVENTS_PER_SECOND, "500"));
        try (Engine rehearsal = new Engine(settings, Clock.systemUTC(), new SimpleMeterRegistry(), 1)) {
            rehearsal.limitEvents(200);
            rehearsal.startAndAwait(Duration.ofSeconds(60));
            assertThat(rehearsal.awaitProducerFinished(Duration.ofSeconds(30))).isTrue();
            assertThat(rehearsal.drain(Duration.ofSeconds(30)).fraudEventsChecked())
                    .isEqualTo(200);
        }
        // what the fraud group had not read when the rehearsal stopped
        EventScript backlog = new EventScript(Instant.now().minusSeconds(60));
        for (int i = 0; i < LEFT_UNREAD; i++) {
            backlog.add("user-" + (i % 500), EventTypes.PAGE_VIEW, i * 0.01);
        }
        kafka.produceRaw(settings.activitiesTopic(), backlog.records(settings.activitiesTopic()));

        try (Engine relaunched = paused(settings)) {
            relaunched.startAndAwait(Duration.ofSeconds(60));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> relaunched.latestSnapshot() != null
                            && relaunched.latestSnapshot().fraudConsumer().lagRecords() >= 0);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> {
                EngineSnapshot s = relaunched.latestSnapshot();
                return s.fraudConsumer().lagRecords() == 0 && s.fraudEventsChecked() == 0;
            });
        }

        try (Engine resumed = paused(settings)) {
            resumed.startFraudFrom(StartFrom.COMMITTED_OR_LATEST);
            resumed.startAndAwait(Duration.ofSeconds(60));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> resumed.latestSnapshot() != null
                            && resumed.latestSnapshot().fraudEventsChecked() == LEFT_UNREAD
                            && resumed.latestSnapshot().fraudConsumer().lagRecords() == 0);
        }
    }

    private static Engine paused(Settings settings) {
        Engine engine = new Engine(settings, Clock.systemUTC(), new SimpleMeterRegistry(), 2);
        engine.pause();
        return engine;
    }
}
