package com.activitytracker.engine.observability;

import java.util.List;
import java.util.Optional;

/**
 * One record as the console's Kafka view shows it, made on the reader's thread so the FX thread only
 * lays it out: where it sits, its key and headers as safe text, its value as indented JSON (or its
 * bytes escaped), a one-line summary, and, for a dead letter, what the {@code dlq.*} headers say. The
 * original key, value and headers are kept byte for byte, for a correction sent back.
 *
 * @param key        the key as safe text ({@code ""} when there is none); the user id on every topic of the tracker
 * @param summary    one line: the event type, the alert's rule and severity, or why a dead letter was refused
 * @param deadLetter what the {@code dlq.*} headers say, when the record is a dead letter
 */
public record InspectedRecord(
        String topic,
        int partition,
        long offset,
        long timestampMillis,
        String key,
        List<Header> headers,
        String value,
        String summary,
        byte[] rawKey,
        byte[] rawValue,
        Optional<DeadLetterFacts> deadLetter) {

    /** A header as text ({@code text}) and as sent ({@code raw}). */
    public record Header(String name, String text, byte[] raw) {}

    /**
     * @param source where the refused record was read, e.g. {@code user-activities/3@1042}: both
     *               consumers refuse the same record, so two dead letters share one source
     * @param place  where the dead letter itself sits, e.g. {@code user-activities.dlq/0@7}
     */
    public record DeadLetterFacts(String error, String consumer, String source, String place) {}

    public InspectedRecord {
        headers = List.copyOf(headers);
    }

    /** {@code topic/partition@offset}. */
    public String place() {
        return topic + "/" + partition + "@" + offset;
    }
}
