package com.activitytracker.engine.observability;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A record the Kafka view sends to the activities topic, and where it landed ({@code
 * topic/partition@offset}) once sent.
 *
 * @param what names the record in the log
 */
record OutgoingRecord(byte[] key, byte[] value, RecordHeaders headers, String what, CompletableFuture<String> result) {

    /**
     * A dead letter's correction: its original key and headers, without the {@code dlq.*} ones and
     * with {@code dlq.replayed.from}. The caller has checked that the value is valid.
     */
    static OutgoingRecord correction(InspectedRecord letter, byte[] corrected) {
        RecordHeaders headers = new RecordHeaders();
        for (InspectedRecord.Header h : letter.headers()) {
            if (!h.name().startsWith("dlq.")) {
                headers.add(h.name(), h.raw());
            }
        }
        String from = letter.deadLetter().orElseThrow().place();
        headers.add(DeadLetter.REPLAYED_FROM, from.getBytes(StandardCharsets.UTF_8));
        return new OutgoingRecord(letter.rawKey(), corrected.clone(), headers, from, new CompletableFuture<>());
    }

    /** For a demonstration: a purchase without an amount, which both consumers refuse. */
    static OutgoingRecord brokenPurchase(String userId) {
        String json = "{\"event_id\":\"" + UUID.randomUUID() + "\",\"event_type\":\"purchase\",\"user_id\":\""
                + userId + "\",\"timestamp\":\"" + Instant.now().truncatedTo(ChronoUnit.MILLIS)
                + "\",\"order_id\":\"ord-demo-"
                + UUID.randomUUID().toString().substring(0, 8)
                + "\",\"product_id\":\"p-1042\",\"currency\":\"USD\"}";
        return new OutgoingRecord(
                userId.getBytes(StandardCharsets.UTF_8),
                json.getBytes(StandardCharsets.UTF_8),
                new RecordHeaders(),
                "a purchase without an amount",
                new CompletableFuture<>());
    }
}
