package com.activitytracker.engine.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.config.SettingsLoader;
import java.nio.file.Path;
import java.util.Map;
import net.logstash.logback.marker.LogstashMarker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

@Tag("unit")
class RoleLogTest {
    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(RoleLog.class);

    @BeforeEach
    void capture() {
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void release() {
        logger.detachAppender(lines);
    }

    @Test
    void progressIsLoggedOncePerIntervalCrossedEvenWhenObservedLate() {
        ProgressLog progress = new ProgressLog(new RoleLog("fraud"), 50);
        for (long count : new long[] {10, 49, 50, 51, 99, 160, 170, 200}) {
            progress.observe(count, () -> Map.of("events_checked", count));
        }
        assertThat(lines.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly(
                        "fraud progress: {phase=progress, events_checked=50}",
                        "fraud progress: {phase=progress, events_checked=160}",
                        "fraud progress: {phase=progress, events_checked=200}");
    }

    @Test
    void theSettingsAreLoggedAsFieldsWithAnythingSecretLookingMasked() {
        Settings settings =
                new SettingsLoader(Map.of(), dir, dir, "Linux").load(null, Map.of(Settings.STATS_INTERVAL, "7"));
        Map<String, Object> described = RoleLog.describe(new Settings(
                settings.bootstrapServers(),
                settings.activitiesTopic(),
                settings.alertsTopic(),
                settings.dlqTopic(),
                settings.partitions(),
                settings.replicationFactor(),
                settings.clientConfig(),
                settings.eventsPerSecond(),
                settings.statsInterval(),
                settings.logLevel(),
                settings.logDir(),
                settings.dataDir(),
                Map.of("SASL_PASSWORD", "hunter2", Settings.STATS_INTERVAL, "7")));
        assertThat(described)
                .containsEntry(Settings.STATS_INTERVAL, 7)
                .containsEntry("SASL_PASSWORD", RoleLog.MASK)
                .containsEntry(Settings.KAFKA_BOOTSTRAP_SERVERS, "embedded broker");
        new RoleLog("produce").started(settings, Map.of("seed", 1L));
        ILoggingEvent start = lines.list.get(0);
        assertThat(start.getFormattedMessage())
                .startsWith("produce started with settings={")
                .contains("STATS_INTERVAL=7");
        assertThat(start.getArgumentArray())
                .anyMatch(a -> a instanceof LogstashMarker || a.toString().contains("phase=start"));
    }
}
