package com.activitytracker.engine.observability;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Arrays;

/**
 * Keeps the Kafka producer's retry warnings off the terminal. When a broker goes away, Kafka's
 * {@code Sender} logs two warnings per partition for every request in flight (a retried produce
 * response, then a metadata refresh): 48 lines in the first second of an outage with six partitions,
 * each one a retry Kafka will make. The producer prints its own line while it waits ("Waiting for
 * Kafka … events kept") and counts any event that is finally lost, so on the terminal the warnings
 * only bury that line; the JSON log file still records every one of them.
 */
public final class ProducerRetryNoise extends Filter<ILoggingEvent> {
    static final String LOGGER = "org.apache.kafka.clients.producer.internals.Sender";

    /**
     * The beginnings of Kafka's retry messages, as its {@code Sender} writes them; Kafka fills in the
     * {@code {}} and puts its client prefix in front before Logback sees the message.
     */
    static final String[] RETRIES = {
        "Got error produce response with correlation id {} on topic-partition {}, retrying",
        "Got error produce response in correlation id {} on topic-partition {}, splitting and retrying",
        "Received invalid metadata error in produce request on partition {}"
    };

    private static final String[][] FRAGMENTS =
            Arrays.stream(RETRIES).map(t -> t.split("\\{}", -1)).toArray(String[][]::new);

    @Override
    public FilterReply decide(ILoggingEvent event) {
        String message = event.getMessage();
        if (!LOGGER.equals(event.getLoggerName()) || message == null) {
            return FilterReply.NEUTRAL;
        }
        for (String[] retry : FRAGMENTS) {
            if (inOrder(message, retry)) {
                return FilterReply.DENY;
            }
        }
        return FilterReply.NEUTRAL;
    }

    /** Whether each fragment occurs in {@code message}, each after the one before it. */
    private static boolean inOrder(String message, String[] fragments) {
        int from = 0;
        for (String fragment : fragments) {
            int at = message.indexOf(fragment, from);
            if (at < 0) {
                return false;
            }
            from = at + fragment.length();
        }
        return true;
    }
}
