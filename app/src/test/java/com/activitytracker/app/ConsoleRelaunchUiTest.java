package com.activitytracker.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.activitytracker.engine.EngineSnapshot;
import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.config.SettingsLoader;
import com.activitytracker.engine.consumer.ConsumerGroups;
import com.activitytracker.engine.event.ActivityEvent;
import com.activitytracker.engine.event.ActivityEventCodec;
import com.activitytracker.engine.kafka.KafkaCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rehearsal before the client arrives must not leave the live demo a backlog: a console relaunched
 * on the data folder of an earlier run, whose topic holds 10,000 events its fraud group never read,
 * starts at the end of the stream, at lag 0.
 */
@Tag("ui")
class ConsoleRelaunchUiTest {
    private static final long REHEARSED = 10_000;

    @TempDir
    static Path dir;

    @Test
    void aRelaunchOnTheSameDataFolderStartsWithoutTheRehearsalsBacklog() throws Exception {
        ConsoleFixture rehearsal = ConsoleFixture.start(dir, Map.of(Settings.EVENTS_PER_SECOND, "2000"))
                .awaitRunning();
        try {
            await().atMost(Duration.ofSeconds(90)).until(() -> delivered(rehearsal) >= 1_000);
        } finally {
            rehearsal.close();
        }
        leaveUnreadEvents();

        ConsoleFixture demo = ConsoleFixture.start(dir, Map.of(Settings.EVENTS_PER_SECOND, "10"))
                .awaitRunning();
        try {
            // the lag must stay small for the whole first 10 s, not only at some moment
            await("under 100 records behind for the first 10 s of the relaunched demo")
                    .during(Duration.ofSeconds(10))
                    .atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> lag(demo) < 100);
            EngineSnapshot last = demo.console.session().engine().latestSnapshot();
            assertThat(last.fraudEventsChecked())
                    .as("the fraud detector did not read the rehearsal's events")
                    .isLessThan(REHEARSED / 10);
            assertThat(demo.console.model().main().engineStateProperty().get().name())
                    .isEqualTo("RUNNING");
            demo.assertNoFxErrors();
        } finally {
            demo.close();
        }
    }

    /** What a rehearsal whose consumers fell behind leaves: events on the topic past the groups' offsets. */
    private static void leaveUnreadEvents() throws Exception {
        Settings settings = new SettingsLoader(Map.of(), dir, dir, "Linux")
                .load(
                        null,
                        Map.of(
                                Settings.DATA_DIR,
                                dir.resolve("data").toString(),
                                Settings.LOG_DIR,
                                dir.resolve("logs").toString()));
        ActivityEventCodec codec = new ActivityEventCodec();
        try (KafkaCluster cluster = KafkaCluster.open(settings, Duration.ofSeconds(60), ConsumerGroups.FRAUD);
                KafkaProducer<String, byte[]> producer = cluster.clients().producer("rehearsal-backlog")) {
            for (int i = 0; i < REHEARSED; i++) {
                ActivityEvent e = ActivityEvent.builder(
                                UUID.randomUUID().toString(), "page_view", "user-" + (i % 500), Instant.now())
                        .sessionId("s-" + (i % 500))
                        .build();
                producer.send(new ProducerRecord<>(settings.activitiesTopic(), e.userId(), codec.encode(e)));
            }
            producer.flush();
        }
    }

    private static long lag(ConsoleFixture fx) {
        EngineSnapshot s = fx.console.session().engine().latestSnapshot();
        return s == null
                ? 0
                : Math.max(s.fraudConsumer().lagRecords(), s.analyticsConsumer().lagRecords());
    }

    private static long delivered(ConsoleFixture fx) {
        EngineSnapshot s = fx.console.session().engine().latestSnapshot();
        return s == null ? 0 : s.producer().delivered();
    }
}
