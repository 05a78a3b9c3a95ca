package com.activitytracker.engine.observability;

import static net.logstash.logback.argument.StructuredArguments.kv;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One DEBUG line per record a consumer processed, with where it came from and how long its
 * processing took ({@code processing_ms}), for finding the slow records when DEBUG is on.
 * At INFO it costs a level check per record.
 */
public final class RecordLog {
    private static final Logger log = LoggerFactory.getLogger(RecordLog.class);

    private final String consumer;

    public RecordLog(String consumer) {
        this.consumer = consumer;
    }

    public boolean enabled() {
        return log.isDebugEnabled();
    }

    /** @param nanos the time the processor spent on the record */
    public void processed(ConsumerRecord<byte[], ?> record, long nanos) {
        if (!log.isDebugEnabled()) {
            return;
        }
        byte[] key = record.key();
        log.debug(
                "Record processed by {} in {} ms",
                consumer,
                nanos / 1_000_000.0,
                kv("consumer", consumer),
                kv("topic", record.topic()),
                kv("partition", record.partition()),
                kv("offset", record.offset()),
                kv("user_id", key == null ? null : new String(key, StandardCharsets.UTF_8)),
                kv("processing_ms", nanos / 1_000_000.0));
    }
}
