package com.activitytracker.engine.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the engine's log configuration sets up, in a logger context of the test's own. */
@Tag("unit")
class LogConfiguratorTest {
    @TempDir
    Path logs;

    private final LoggerContext context = new LoggerContext();

    @AfterEach
    void stop() {
        context.stop();
    }

    private void configure(String logLevel, String consoleLevel, String kafkaLevel) {
        context.setMDCAdapter(new LogbackMDCAdapter()); // SLF4J's provider gives its context one
        context.putProperty("LOG_DIR", logs.toString());
        context.putProperty("LOG_LEVEL", logLevel);
        context.putProperty("CONSOLE_LOG_LEVEL", consoleLevel);
        context.putProperty("KAFKA_LOG_LEVEL", kafkaLevel);
        LogConfigurator.configure(context, "test");
    }

    @Test
    void levelsComeFromTheSettings() {
        configure("DEBUG", "ERROR", "INFO");

        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.DEBUG);
        for (String kafka : List.of("org.apache.kafka", "kafka", "state.change.logger")) {
            assertThat(context.getLogger(kafka).getLevel()).as(kafka).isEqualTo(Level.INFO);
        }
        assertThat(context.getLogger("org.apache.kafka.clients.NetworkClient").getLevel())
                .isEqualTo(Level.ERROR);
        Appender<ILoggingEvent> console =
                context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE");
        assertThat(console.getCopyOfAttachedFiltersList())
                .hasAtLeastOneElementOfType(ThresholdFilter.class)
                .hasAtLeastOneElementOfType(ControllerElectionNoise.class);
        assertThat(context.getObject(LogConfigurator.CONFIGURED_WITH)).isEqualTo("test");
    }

    @Test
    void unreadableLevelsFallBackToTheDefaults() {
        configure("loud", "", "chatty");

        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("org.apache.kafka").getLevel()).isEqualTo(Level.WARN);
    }

    @Test
    void jsonLinesGoToLogDirThroughAQueueAndRollByDayAndSize() throws IOException {
        configure("INFO", "OFF", "WARN");
        AsyncAppender queue =
                (AsyncAppender) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("ASYNC_JSON");
        RollingFileAppender<ILoggingEvent> file = (RollingFileAppender<ILoggingEvent>) queue.getAppender("JSON_FILE");
        assertThat(queue.isNeverBlock()).isTrue();
        assertThat(queue.getDiscardingThreshold()).isZero();
        assertThat(file.getRollingPolicy()).isInstanceOf(SizeAndTimeBasedRollingPolicy.class);
        assertThat(((SizeAndTimeBasedRollingPolicy<?>) file.getRollingPolicy()).getFileNamePattern())
                .isEqualTo(logs + "/activity-tracker.%d{yyyy-MM-dd}.%i.jsonl.gz");

        context.getLogger("com.activitytracker.test").info("Event delivered");
        context.getLogger("com.activitytracker.test").debug("below the level");
        context.stop(); // drains the queue and closes the file

        List<String> lines = Files.readAllLines(logs.resolve(LogSetup.LOG_FILE));
        assertThat(lines).hasSize(1);
        JsonNode line = new ObjectMapper().readTree(lines.get(0));
        assertThat(line.path("message").asText()).isEqualTo("Event delivered");
        assertThat(line.path("level").asText()).isEqualTo("INFO");
        assertThat(line.path("logger_name").asText()).isEqualTo("com.activitytracker.test");
        assertThat(line.path("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(line.has("@version")).isFalse();
        assertThat(line.has("level_value")).isFalse();
    }
}
