package com.activitytracker.engine.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.config.SettingsLoader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class LogSetupTest {
    @TempDir
    Path dir;

    private Settings settings(Map<String, String> values) {
        return new SettingsLoader(Map.of(), dir, dir, "Linux").load(null, values);
    }

    @Test
    void kafkasOwnLoggersStayAtWarnUnderTheUsualLevels() {
        assertThat(LogSetup.kafkaLogLevel(settings(Map.of()))).isEqualTo("WARN");
        assertThat(LogSetup.kafkaLogLevel(settings(Map.of(Settings.LOG_LEVEL, "DEBUG"))))
                .isEqualTo("WARN");
        assertThat(LogSetup.kafkaLogLevel(settings(Map.of(Settings.LOG_LEVEL, "warning"))))
                .isEqualTo("WARN");
    }

    @Test
    void aStricterTrackerLevelSilencesKafkasWarningsToo() {
        assertThat(LogSetup.kafkaLogLevel(settings(Map.of(Settings.LOG_LEVEL, "ERROR"))))
                .isEqualTo("ERROR");
        assertThat(LogSetup.kafkaLogLevel(settings(Map.of(Settings.LOG_LEVEL, "OFF"))))
                .isEqualTo("OFF");
    }

    @Test
    void anExplicitKafkaLevelWins() {
        assertThat(LogSetup.kafkaLogLevel(
                        settings(Map.of(Settings.LOG_LEVEL, "ERROR", Settings.KAFKA_LOG_LEVEL, "INFO"))))
                .isEqualTo("INFO");
    }
}
