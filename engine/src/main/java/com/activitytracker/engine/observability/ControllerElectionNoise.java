package com.activitytracker.engine.observability;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Keeps one harmless Kafka error off the terminal. When the embedded broker restarts on a data
 * folder it used before, its KRaft controller first resigns the epoch it led and elects itself
 * again; a controller registration sent in those few milliseconds is answered with
 * {@code NotControllerException} and retried by Kafka, but Kafka's {@code ControllerApis} logs the
 * refusal at ERROR with a stack trace (seen on most relaunches of the console). The JSON log file
 * still records it; only the terminal, where a presenter would read it as a crash, is spared.
 */
public final class ControllerElectionNoise extends Filter<ILoggingEvent> {
    static final String LOGGER = "kafka.server.ControllerApis";
    static final String EXCEPTION = "org.apache.kafka.common.errors.NotControllerException";

    @Override
    public FilterReply decide(ILoggingEvent event) {
        return LOGGER.equals(event.getLoggerName()) && causedBy(event.getThrowableProxy(), EXCEPTION)
                ? FilterReply.DENY
                : FilterReply.NEUTRAL;
    }

    private static boolean causedBy(IThrowableProxy throwable, String className) {
        for (IThrowableProxy t = throwable; t != null; t = t.getCause()) {
            if (className.equals(t.getClassName())) {
                return true;
            }
        }
        return false;
    }
}
