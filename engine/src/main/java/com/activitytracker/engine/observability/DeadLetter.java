package com.activitytracker.engine.observability;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A record of the dead-letter topic with what its {@code dlq.*} headers say: why it was rejected,
 * by which consumer, and where it was read. The key and value are the original bytes, unchanged.
 */
public record DeadLetter(
        ConsumerRecord<byte[], byte[]> record,
        String error,
        String consumer,
        Optional<String> sourceTopic,
        Optional<Integer> sourcePartition,
        Optional<Long> sourceOffset) {

    public static final String ERROR = "dlq.error";
    public static final String SOURCE_TOPIC = "dlq.source.topic";
    public static final String SOURCE_PARTITION = "dlq.source.partition";
    public static final String SOURCE_OFFSET = "dlq.source.offset";
    public static final String CONSUMER = "dlq.consumer";
    /** Set on a record sent back to the activities topic: the dead letter it came from. */
    public static final String REPLAYED_FROM = "dlq.replayed.from";

    public static DeadLetter of(ConsumerRecord<byte[], byte[]> record) {
        return new DeadLetter(
                record,
                header(record, ERROR).orElse("(no dlq.error header)"),
                header(record, CONSUMER).orElse("?"),
                header(record, SOURCE_TOPIC),
                header(record, SOURCE_PARTITION).flatMap(DeadLetter::parseInt),
                header(record, SOURCE_OFFSET).flatMap(DeadLetter::parseLong));
    }

    /**
     * The original record's place, e.g. {@code user-activities/3@1042}: both consumers reject the same
     * bad record, so the topic holds it twice, and a replay sends it back once.
     */
    public String source() {
        if (sourceTopic.isPresent() && sourcePartition.isPresent() && sourceOffset.isPresent()) {
            return sourceTopic.get() + "/" + sourcePartition.get() + "@" + sourceOffset.get();
        }
        return "dead letter " + place();
    }

    /** Where this dead letter itself sits, e.g. {@code user-activities.dlq/0@7}. */
    public String place() {
        return record.topic() + "/" + record.partition() + "@" + record.offset();
    }

    public Instant timestamp() {
        return Instant.ofEpochMilli(record.timestamp());
    }

    private static Optional<String> header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value() == null
                ? Optional.empty()
                : Optional.of(new String(h.value(), StandardCharsets.UTF_8));
    }

    private static Optional<Integer> parseInt(String s) {
        try {
            return Optional.of(Integer.parseInt(s.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> parseLong(String s) {
        try {
            return Optional.of(Long.parseLong(s.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
