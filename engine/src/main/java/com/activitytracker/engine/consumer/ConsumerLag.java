package com.activitytracker.engine.consumer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * How far behind a worker is, in records and in event time. Updated on the consumer's thread, read
 * by anyone through {@link ConsumerWorker#stats()}.
 */
final class ConsumerLag {
    private final Clock clock;
    private volatile long records = -1;
    private volatile double seconds;
    private Instant lastEventTime; // consumer thread only

    ConsumerLag(Clock clock) {
        this.clock = clock;
    }

    /** The time of the last record processed, in milliseconds since the epoch. */
    void lastEventAt(long timestamp) {
        lastEventTime = Instant.ofEpochMilli(timestamp);
    }

    void update(Consumer<?, ?> consumer, Collection<TopicPartition> assignment) {
        long total = 0;
        for (TopicPartition tp : assignment) {
            OptionalLong lag = consumer.currentLag(tp);
            if (lag.isEmpty()) {
                return; // not known yet: keep the previous figure
            }
            total += lag.getAsLong();
        }
        records = total;
        Instant last = lastEventTime;
        seconds = total == 0 || last == null
                ? 0
                : Math.max(0, Duration.between(last, clock.instant()).toMillis() / 1000.0);
    }

    /** The worker stopped: its lag is no longer known. */
    void unknown() {
        records = -1;
    }

    /** Records on its partitions not yet read (-1 until known). */
    long records() {
        return records;
    }

    double seconds() {
        return seconds;
    }
}
