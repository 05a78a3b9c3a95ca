package com.activitytracker.engine.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.spi.FilterReply;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletionException;
import org.apache.kafka.clients.producer.internals.Sender;
import org.apache.kafka.common.errors.NotControllerException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's own log configuration, in a context of the test's own: what reaches the terminal, and
 * that what is kept off it still reaches the JSON file.
 */
@Tag("unit")
class TerminalNoiseTest {
    /** As Kafka hands them to Logback: formatted, with its client prefix (from a broker outage's log). */
    private static final String RETRIED = "[Producer clientId=activity-producer] Got error produce response with"
            + " correlation id 825 on topic-partition user-activities-3, retrying (2147483646 attempts left)."
            + " Error: NETWORK_EXCEPTION. Error Message: Disconnected from node 1";

    private static final String SPLIT = "[Producer clientId=activity-producer] Got error produce response in"
            + " correlation id 9 on topic-partition user-activities-0, splitting and retrying (3 attempts left)."
            + " Error: MESSAGE_TOO_LARGE";
    private static final String METADATA = "[Producer clientId=activity-producer] Received invalid metadata error"
            + " in produce request on partition user-activities-3 due to"
            + " org.apache.kafka.common.errors.NetworkException: Disconnected from node 1 Going to request metadata"
            + " update now";

    @TempDir
    Path logs;

    private final LoggerContext context = new LoggerContext();

    @BeforeEach
    void readTheEnginesConfiguration() {
        context.putProperty("LOG_DIR", logs.toString());
        LogConfigurator.configure(context, "test");
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    private FilterReply reply(String appender, ILoggingEvent event) {
        Appender<ILoggingEvent> target =
                context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(appender);
        assertThat(target).as(appender).isNotNull();
        return target.getFilterChainDecision(event);
    }

    private ILoggingEvent error(String logger, Throwable thrown) {
        return new LoggingEvent(
                Logger.class.getName(),
                context.getLogger(logger),
                Level.ERROR,
                "[ControllerApis nodeId=1] Unexpected error handling request",
                thrown,
                null);
    }

    private ILoggingEvent warning(String logger, String message) {
        return new LoggingEvent(Logger.class.getName(), context.getLogger(logger), Level.WARN, message, null, null);
    }

    @Test
    void theRetriedRegistrationDuringTheControllersReElectionStaysOffTheTerminalButNotOutOfTheFile() {
        ILoggingEvent refused = error(
                ControllerElectionNoise.LOGGER,
                new CompletionException(new NotControllerException("The active controller appears to be node 1.")));

        assertThat(reply("CONSOLE", refused)).isEqualTo(FilterReply.DENY);
        assertThat(reply("ASYNC_JSON", refused)).isNotEqualTo(FilterReply.DENY);
    }

    @Test
    void anyOtherErrorOfTheControllerStillReachesTheTerminal() {
        assertThat(reply("CONSOLE", error(ControllerElectionNoise.LOGGER, new IllegalStateException("disk full"))))
                .isNotEqualTo(FilterReply.DENY);
        assertThat(reply("CONSOLE", error(ControllerElectionNoise.LOGGER, null)))
                .isNotEqualTo(FilterReply.DENY);
    }

    @Test
    void theSameExceptionFromAnotherLoggerStillReachesTheTerminal() {
        assertThat(reply("CONSOLE", error("kafka.server.BrokerLifecycleManager", new NotControllerException("x"))))
                .isNotEqualTo(FilterReply.DENY);
    }

    @Test
    void theRetriesOfABrokerOutageStayOffTheTerminalButNotOutOfTheFile() {
        ILoggingEvent retried = warning(ProducerRetryNoise.LOGGER, RETRIED);
        ILoggingEvent metadata = warning(ProducerRetryNoise.LOGGER, METADATA);

        assertThat(reply("CONSOLE", retried)).isEqualTo(FilterReply.DENY);
        assertThat(reply("CONSOLE", metadata)).isEqualTo(FilterReply.DENY);
        assertThat(reply("CONSOLE", warning(ProducerRetryNoise.LOGGER, SPLIT))).isEqualTo(FilterReply.DENY);
        assertThat(reply("ASYNC_JSON", retried)).isNotEqualTo(FilterReply.DENY);
        assertThat(reply("ASYNC_JSON", metadata)).isNotEqualTo(FilterReply.DENY);
    }

    @Test
    void otherProducerWarningsAndOtherLoggersStillReachTheTerminal() {
        assertThat(reply(
                        "CONSOLE", warning(ProducerRetryNoise.LOGGER, "Uncaught error in kafka producer I/O thread: ")))
                .isNotEqualTo(FilterReply.DENY);
        assertThat(reply("CONSOLE", warning("com.activitytracker.engine.producer.ActivityProducer", RETRIED)))
                .isNotEqualTo(FilterReply.DENY);
        assertThat(reply("CONSOLE", warning(ProducerRetryNoise.LOGGER, null))).isNotEqualTo(FilterReply.DENY);
        // the same words in another order are not Kafka's retry
        assertThat(reply("CONSOLE", warning(ProducerRetryNoise.LOGGER, "retrying, after Got error produce response")))
                .isNotEqualTo(FilterReply.DENY);
    }

    @Test
    void aLineThatRepeatsAReportOnStdoutGoesToTheFileOnly() {
        LoggingEvent waiting =
                (LoggingEvent) warning("com.activitytracker.engine.cli.ProducerSession", "Waiting for Kafka");
        assertThat(reply("CONSOLE", waiting)).isNotEqualTo(FilterReply.DENY);
        waiting.addMarker(AlreadyPrinted.MARKER);
        assertThat(reply("CONSOLE", waiting)).isEqualTo(FilterReply.DENY);
        assertThat(reply("ASYNC_JSON", waiting)).isNotEqualTo(FilterReply.DENY);
    }

    /** The filter matches Kafka's own message templates: a Kafka upgrade that rewords them fails here. */
    @Test
    void theTemplatesAreTheOnesKafkasSenderLogs() throws IOException {
        assertThat(ProducerRetryNoise.LOGGER).isEqualTo(Sender.class.getName());
        String constants;
        try (InputStream in = Sender.class.getResourceAsStream("Sender.class")) {
            assertThat(in).isNotNull();
            constants = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        for (String template : ProducerRetryNoise.RETRIES) {
            assertThat(constants).contains(template);
        }
    }
}
