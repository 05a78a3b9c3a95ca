package com.activitytracker.engine.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Makes the {@link InspectedRecord} the Kafka view shows for a record read from the tracker's
 * topics: safe text for its key and headers, its value indented, a one-line summary by topic, and
 * what a dead letter's {@code dlq.*} headers say.
 */
final class InspectedRecords {
    private final String alerts;
    private final String deadLetters;
    private final RecordText text = new RecordText();
    private final ObjectMapper mapper = new ObjectMapper();

    InspectedRecords(String alerts, String deadLetters) {
        this.alerts = alerts;
        this.deadLetters = deadLetters;
    }

    /** The records of one topic as the view lists them: by record time. */
    List<InspectedRecord> byTime(Collection<ConsumerRecord<byte[], byte[]>> records) {
        List<InspectedRecord> list = new ArrayList<>(records.size());
        records.forEach(r -> list.add(of(r)));
        // a batch holds the newest of each partition in turn; the view lists them by time
        list.sort(Comparator.comparingLong(InspectedRecord::timestampMillis));
        return list;
    }

    InspectedRecord of(ConsumerRecord<byte[], byte[]> r) {
        List<InspectedRecord.Header> headers = new ArrayList<>();
        for (Header h : r.headers()) {
            byte[] raw = h.value() == null ? new byte[0] : h.value();
            headers.add(new InspectedRecord.Header(
                    RecordText.safe(h.key().getBytes(StandardCharsets.UTF_8), 256),
                    h.value() == null ? "(null)" : RecordText.safe(raw, 1024),
                    raw));
        }
        Optional<InspectedRecord.DeadLetterFacts> facts = Optional.empty();
        if (r.topic().equals(deadLetters)) {
            DeadLetter letter = DeadLetter.of(r);
            facts = Optional.of(new InspectedRecord.DeadLetterFacts(
                    RecordText.safe(letter.error().getBytes(StandardCharsets.UTF_8), 1024),
                    RecordText.safe(letter.consumer().getBytes(StandardCharsets.UTF_8), 64),
                    letter.source(),
                    letter.place()));
        }
        return new InspectedRecord(
                r.topic(),
                r.partition(),
                r.offset(),
                r.timestamp(),
                r.key() == null ? "" : RecordText.safe(r.key(), 256),
                headers,
                text.value(r.value()),
                facts.map(InspectedRecord.DeadLetterFacts::error).orElseGet(() -> summary(r)),
                r.key(),
                r.value(),
                facts);
    }

    private String summary(ConsumerRecord<byte[], byte[]> r) {
        byte[] v = r.value();
        if (v == null) {
            return "(tombstone)";
        }
        try {
            JsonNode node = v.length > RecordText.SHOW_BYTES * 16 ? null : mapper.readTree(v);
            if (node == null || !node.isObject()) {
                return "not a JSON object (" + v.length + " bytes)";
            }
            if (r.topic().equals(alerts)) {
                return node.path("severity").asText("?") + " "
                        + node.path("rule").asText("?") + ": "
                        + node.path("description").asText("");
            }
            StringBuilder s = new StringBuilder(node.path("event_type").asText("?"));
            if (node.hasNonNull("amount")) {
                s.append(' ')
                        .append(node.get("amount").asText())
                        .append(' ')
                        .append(node.path("currency").asText("USD"));
            }
            if (node.hasNonNull("page")) {
                s.append("  ").append(node.get("page").asText());
            }
            return RecordText.safe(s.toString().getBytes(StandardCharsets.UTF_8), 200);
        } catch (IOException e) {
            return "not JSON (" + v.length + " bytes)";
        }
    }
}
