package com.activitytracker.engine.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.spi.FilterReply;
import java.nio.file.Path;
import java.util.concurrent.CompletionException;
import org.apache.kafka.common.errors.NotControllerException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's own log configuration, in a context of the test's own: what reaches the terminal. */
@Tag("unit")
class ControllerElectionNoiseTest {
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
}
