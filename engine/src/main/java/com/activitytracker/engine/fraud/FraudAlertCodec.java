package com.activitytracker.engine.fraud;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes fraud alerts as the UTF-8 JSON of docs/CONTRACTS.md: snake_case fields, ISO-8601
 * instants. Unknown fields are ignored when reading, as for events. Thread-safe.
 */
public final class FraudAlertCodec {
    private final ObjectMapper mapper;
    private final JsonFactory factory;

    public FraudAlertCodec() {
        this(new ObjectMapper());
    }

    public FraudAlertCodec(ObjectMapper mapper) {
        this.mapper = mapper;
        this.factory = mapper.getFactory();
    }

    public byte[] encode(FraudAlert alert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("alert_id", alert.alertId());
            g.writeStringField("rule", alert.rule());
            g.writeStringField("severity", alert.severity().name());
            g.writeStringField("user_id", alert.userId());
            g.writeStringField("detected_at", DateTimeFormatter.ISO_INSTANT.format(alert.detectedAt()));
            g.writeStringField("event_time", DateTimeFormatter.ISO_INSTANT.format(alert.eventTime()));
            g.writeStringField("description", alert.description());
            g.writeArrayFieldStart("evidence_event_ids");
            for (String id : alert.evidenceEventIds()) {
                g.writeString(id);
            }
            g.writeEndArray();
            g.writeFieldName("details");
            mapper.writeValue(g, alert.details());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode alert " + alert.alertId(), e);
        }
        return out.toByteArray();
    }

    /**
     * Parses one record value of the alerts topic.
     *
     * @throws InvalidFraudAlertException with a one-line reason when the record is not an alert
     */
    public FraudAlert decode(byte[] value) throws InvalidFraudAlertException {
        if (value == null) {
            throw new InvalidFraudAlertException("empty record (null value)");
        }
        JsonNode root;
        try {
            root = mapper.readTree(value);
        } catch (JsonProcessingException e) {
            throw new InvalidFraudAlertException("not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidFraudAlertException("not valid JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidFraudAlertException("not a JSON object");
        }
        return new FraudAlert(
                requiredString(root, "alert_id"),
                requiredString(root, "rule"),
                severity(requiredString(root, "severity")),
                requiredString(root, "user_id"),
                instant(root, "detected_at"),
                instant(root, "event_time"),
                requiredString(root, "description"),
                evidence(root.get("evidence_event_ids")),
                details(root.get("details")));
    }

    private static String requiredString(JsonNode o, String field) throws InvalidFraudAlertException {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            throw new InvalidFraudAlertException("required field '" + field + "' is missing");
        }
        if (!n.isTextual()) {
            throw new InvalidFraudAlertException("field '" + field + "' must be a string");
        }
        return n.textValue();
    }

    private static Severity severity(String text) throws InvalidFraudAlertException {
        try {
            return Severity.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidFraudAlertException("unknown 'severity' \"" + text + "\"");
        }
    }

    private static Instant instant(JsonNode o, String field) throws InvalidFraudAlertException {
        String text = requiredString(o, field);
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant();
        } catch (DateTimeException e) {
            throw new InvalidFraudAlertException("unparsable '" + field + "' (ISO-8601 instant expected)");
        }
    }

    /** Absent evidence reads as none, so that a writer leaving the list out is still understood. */
    private static List<String> evidence(JsonNode n) throws InvalidFraudAlertException {
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            throw new InvalidFraudAlertException("'evidence_event_ids' must be an array of strings");
        }
        List<String> ids = new ArrayList<>(n.size());
        for (JsonNode id : n) {
            if (!id.isTextual()) {
                throw new InvalidFraudAlertException("'evidence_event_ids' must be an array of strings");
            }
            ids.add(id.textValue());
        }
        return ids;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> details(JsonNode n) throws InvalidFraudAlertException {
        if (n == null || n.isNull()) {
            return Map.of();
        }
        if (!n.isObject()) {
            throw new InvalidFraudAlertException("'details' must be an object");
        }
        try {
            return mapper.convertValue(n, Map.class);
        } catch (IllegalArgumentException e) {
            throw new InvalidFraudAlertException("unreadable 'details': " + e.getMessage());
        }
    }
}
