package com.activitytracker.engine.consumer;

import com.activitytracker.engine.event.ActivityEvent;
import com.activitytracker.engine.event.ActivityEventCodec;
import com.activitytracker.engine.event.InvalidEventException;
import com.activitytracker.engine.observability.EventTimer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The first step of both consumers: decode and validate a record, send it to the DLQ when it breaks
 * the contract, and measure it — processing time and end-to-end latency (event time to now).
 */
final class RecordDecoder {
    private final ActivityEventCodec codec;
    private final DeadLetterQueue dlq;
    private final Clock clock;
    private final Counter invalidCounter;
    private final EventTimer endToEnd;
    private final AtomicLong invalid = new AtomicLong();
    private boolean deadLettersPending;

    RecordDecoder(ActivityEventCodec codec, DeadLetterQueue dlq, Clock clock, MeterRegistry registry, String consumer) {
        this.codec = codec;
        this.dlq = dlq;
        this.clock = clock;
        this.invalidCounter = Counter.builder("tracker.consumer.invalid.records")
                .tag("consumer", consumer)
                .description("records that broke the contract and went to the DLQ")
                .register(registry);
        // recorded once per event by the consumer thread, read by every registry when scraped
        this.endToEnd = EventTimer.register(
                registry,
                "tracker.consumer.end.to.end.latency",
                "from the event's timestamp to its processing",
                TimeUnit.MILLISECONDS,
                Duration.ofSeconds(30),
                "consumer",
                consumer);
    }

    /** @return the event, or null when the record went to the DLQ */
    ActivityEvent decode(ConsumerRecord<byte[], byte[]> record) {
        try {
            ActivityEvent event = codec.decode(record.value());
            long latencyMs = clock.millis() - event.timestamp().toEpochMilli();
            endToEnd.record(latencyMs);
            return event;
        } catch (InvalidEventException e) {
            invalid.incrementAndGet();
            invalidCounter.increment();
            dlq.send(record, e.getMessage());
            deadLettersPending = true;
            return null;
        }
    }

    /** True once, after dead letters were sent since the last call: the caller flushes before committing. */
    boolean takeDeadLettersPending() {
        boolean pending = deadLettersPending;
        deadLettersPending = false;
        return pending;
    }

    long invalid() {
        return invalid.get();
    }

    /** Dead letters Kafka refused; see {@link EffectsLost}. */
    long deadLettersLost() {
        return dlq.failures();
    }

    EventTimer endToEnd() {
        return endToEnd;
    }

    /** On the consumer's tick: keeps the timer's recent window moving while no records come. */
    void tick() {
        endToEnd.rotate();
    }
}
