package com.activitytracker.engine.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.config.SettingsLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

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

    @Test
    void logbackFindsTheTrackersConfiguratorForItsFirstUse() {
        assertThat(ServiceLoader.load(Configurator.class).stream().map(ServiceLoader.Provider::type))
                .contains(LogConfigurator.class);
    }

    @Test
    void theSameLogSettingsAreNotReadTwiceButOtherSettingsAre() {
        Settings first = settings(Map.of(Settings.LOG_DIR, dir.resolve("a").toString()));
        LogSetup.apply(first, "WARN", "produce");
        Appender<?> file = jsonFile();
        assertThat(((FileAppender<?>) file).getFile())
                .isEqualTo(LogSetup.logFile(first).toString());

        String runId = LogSetup.apply(first, "WARN", "fraud");
        assertThat(jsonFile()).as("same settings: the appenders are kept").isSameAs(file);
        assertThat(context().getProperty(LogSetup.ROLE)).isEqualTo("fraud");
        assertThat(context().getProperty(LogSetup.RUN_ID)).isEqualTo(runId);

        Settings second = settings(Map.of(Settings.LOG_DIR, dir.resolve("b").toString()));
        LogSetup.apply(second, "WARN", "fraud");
        assertThat(jsonFile()).as("another folder: read again").isNotSameAs(file);
        assertThat(((FileAppender<?>) jsonFile()).getFile())
                .isEqualTo(LogSetup.logFile(second).toString());
        assertThat(context().getProperty(LogSetup.ROLE)).isEqualTo("fraud");
    }

    private static LoggerContext context() {
        return (LoggerContext) LoggerFactory.getILoggerFactory();
    }

    private static Appender<?> jsonFile() {
        Logger root = context().getLogger(Logger.ROOT_LOGGER_NAME);
        return ((AsyncAppender) root.getAppender("ASYNC_JSON")).getAppender("JSON_FILE");
    }
}
