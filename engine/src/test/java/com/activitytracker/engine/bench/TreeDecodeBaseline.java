package com.activitytracker.engine.bench;

import com.activitytracker.engine.event.ActivityEvent;
import com.activitytracker.engine.event.ActivityEventCodec;
import com.activitytracker.engine.event.EventTypes;
import com.activitytracker.engine.event.InvalidEventException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The decoder the engine had before the streaming one (a UTF-8 pass through a CharsetDecoder, a
 * Jackson tree, then {@code convertValue} for properties), kept only so that {@link DecodeBenchmark}
 * measures old and new side by side in one run: on a shared machine only such pairs compare.
 */
final class TreeDecodeBaseline {
    private final ObjectMapper mapper = new ObjectMapper();

    ActivityEvent decode(byte[] value) throws InvalidEventException {
        if (value == null) {
            throw new InvalidEventException("empty record (null value)");
        }
        if (value.length > ActivityEventCodec.MAX_RECORD_BYTES) {
            throw new InvalidEventException("record of " + value.length + " bytes exceeds the 1 MiB limit");
        }
        requireUtf8(value);
        JsonNode root;
        try {
            root = mapper.readTree(value);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidEventException("not valid JSON: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidEventException("empty record");
        }
        if (!root.isObject()) {
            throw new InvalidEventException(
                    "not a JSON object but " + root.getNodeType().name().toLowerCase());
        }
        return fromObject((ObjectNode) root);
    }

    private ActivityEvent fromObject(ObjectNode o) throws InvalidEventException {
        String eventId = requiredString(o, "event_id");
        String eventType = requiredString(o, "event_type");
        String userId = requiredString(o, "user_id");
        Instant timestamp = parseTimestamp(requiredString(o, "timestamp"));
        Double amount = optionalNumber(o, "amount");
        if (EventTypes.PURCHASE.equals(eventType)) {
            if (amount == null) {
                JsonNode raw = o.get("amount");
                throw new InvalidEventException(
                        raw == null || raw.isNull()
                                ? "purchase without 'amount'"
                                : "purchase 'amount' must be a number, not " + typeOf(raw));
            }
            if (amount < 0 || amount.isNaN()) {
                throw new InvalidEventException("purchase with negative 'amount' " + amount);
            }
        }
        return new ActivityEvent(
                eventId,
                eventType,
                userId,
                timestamp,
                optionalString(o, "session_id"),
                optionalString(o, "page"),
                optionalString(o, "referrer"),
                optionalString(o, "product_id"),
                optionalString(o, "category"),
                optionalNumber(o, "price"),
                optionalString(o, "order_id"),
                amount,
                optionalString(o, "currency"),
                optionalString(o, "query"),
                device(o.get("device")),
                geo(o.get("geo")),
                optionalString(o, "ip"),
                properties(o.get("properties")));
    }

    private static void requireUtf8(byte[] value) throws InvalidEventException {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value));
        } catch (CharacterCodingException e) {
            throw new InvalidEventException("not UTF-8 text");
        }
    }

    private static String requiredString(ObjectNode o, String field) throws InvalidEventException {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            throw new InvalidEventException("required field '" + field + "' is missing");
        }
        if (!n.isTextual()) {
            throw new InvalidEventException("field '" + field + "' must be a string, not " + typeOf(n));
        }
        if (n.textValue().isBlank()) {
            throw new InvalidEventException("required field '" + field + "' is empty");
        }
        return n.textValue();
    }

    private static Instant parseTimestamp(String text) throws InvalidEventException {
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant();
        } catch (DateTimeException e) {
            throw new InvalidEventException(
                    "unparsable 'timestamp' \"" + abbreviate(text) + "\" (ISO-8601 instant expected)");
        }
    }

    /** Optional fields of the wrong type are dropped rather than rejected: only the contract's rules reject. */
    private static String optionalString(ObjectNode o, String field) {
        JsonNode n = o.get(field);
        return n != null && n.isTextual() ? n.textValue() : null;
    }

    private static Double optionalNumber(ObjectNode o, String field) {
        JsonNode n = o.get(field);
        return n != null && n.isNumber() ? n.doubleValue() : null;
    }

    private static ActivityEvent.Device device(JsonNode n) {
        if (n == null || !n.isObject()) {
            return null;
        }
        return new ActivityEvent.Device(text(n, "type"), text(n, "os"), text(n, "browser"));
    }

    private static ActivityEvent.Geo geo(JsonNode n) {
        if (n == null || !n.isObject()) {
            return null;
        }
        return new ActivityEvent.Geo(text(n, "country"), text(n, "city"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> properties(JsonNode n) {
        if (n == null || !n.isObject()) {
            return null;
        }
        return mapper.convertValue(n, Map.class);
    }

    private static String text(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        return n != null && n.isTextual() ? n.textValue() : null;
    }

    private static String typeOf(JsonNode n) {
        return n.getNodeType().name().toLowerCase();
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
