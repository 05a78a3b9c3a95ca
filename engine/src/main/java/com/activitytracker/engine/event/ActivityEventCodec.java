package com.activitytracker.engine.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * Reads and writes activity events as the UTF-8 JSON of CONTRACTS.md and enforces its validation
 * rules. Thread-safe: Jackson's mapper and factory are shared, generators are per call.
 */
public final class ActivityEventCodec {
    /** Records larger than this go to the DLQ unread (CONTRACTS.md). */
    public static final int MAX_RECORD_BYTES = 1024 * 1024;

    private static final DateTimeFormatter ISO_INSTANT = DateTimeFormatter.ISO_INSTANT;

    private final ObjectMapper mapper;
    private final JsonFactory factory;

    public ActivityEventCodec() {
        this(new ObjectMapper());
    }

    public ActivityEventCodec(ObjectMapper mapper) {
        this.mapper = mapper;
        this.factory = mapper.getFactory();
    }

    public byte[] encode(ActivityEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("event_id", event.eventId());
            g.writeStringField("event_type", event.eventType());
            g.writeStringField("user_id", event.userId());
            writeIfPresent(g, "session_id", event.sessionId());
            g.writeStringField("timestamp", ISO_INSTANT.format(event.timestamp()));
            writeIfPresent(g, "page", event.page());
            writeIfPresent(g, "referrer", event.referrer());
            writeIfPresent(g, "product_id", event.productId());
            writeIfPresent(g, "category", event.category());
            if (event.price() != null) g.writeNumberField("price", event.price());
            writeIfPresent(g, "order_id", event.orderId());
            if (event.amount() != null) g.writeNumberField("amount", event.amount());
            writeIfPresent(g, "currency", event.currency());
            writeIfPresent(g, "query", event.query());
            if (event.device() != null) {
                g.writeObjectFieldStart("device");
                writeIfPresent(g, "type", event.device().type());
                writeIfPresent(g, "os", event.device().os());
                writeIfPresent(g, "browser", event.device().browser());
                g.writeEndObject();
            }
            if (event.geo() != null) {
                g.writeObjectFieldStart("geo");
                writeIfPresent(g, "country", event.geo().country());
                writeIfPresent(g, "city", event.geo().city());
                g.writeEndObject();
            }
            writeIfPresent(g, "ip", event.ip());
            if (event.properties() != null) {
                g.writeFieldName("properties");
                mapper.writeValue(g, event.properties());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode event " + event.eventId(), e);
        }
        return out.toByteArray();
    }

    /**
     * Parses and validates one record value.
     *
     * @throws InvalidEventException with a one-line reason when the record breaks the contract
     */
    public ActivityEvent decode(byte[] value) throws InvalidEventException {
        if (value == null) {
            throw new InvalidEventException("empty record (null value)");
        }
        if (value.length > MAX_RECORD_BYTES) {
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
            throw new InvalidEventException("not a JSON object but " + root.getNodeType().name().toLowerCase());
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
                throw new InvalidEventException(raw == null || raw.isNull()
                        ? "purchase without 'amount'"
                        : "purchase 'amount' must be a number, not " + typeOf(raw));
            }
            if (amount < 0 || amount.isNaN()) {
                throw new InvalidEventException("purchase with negative 'amount' " + amount);
            }
        }
        return new ActivityEvent(eventId, eventType, userId, timestamp,
                optionalString(o, "session_id"), optionalString(o, "page"), optionalString(o, "referrer"),
                optionalString(o, "product_id"), optionalString(o, "category"), optionalNumber(o, "price"),
                optionalString(o, "order_id"), amount, optionalString(o, "currency"), optionalString(o, "query"),
                device(o.get("device")), geo(o.get("geo")), optionalString(o, "ip"), properties(o.get("properties")));
    }

    private static void requireUtf8(byte[] value) throws InvalidEventException {
        try {
            StandardCharsets.UTF_8.newDecoder()
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
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            throw new InvalidEventException("unparsable 'timestamp' \"" + abbreviate(text) + "\" (ISO-8601 instant expected)");
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

    private static void writeIfPresent(JsonGenerator g, String field, String value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value);
        }
    }

    private static String typeOf(JsonNode n) {
        return n.getNodeType().name().toLowerCase();
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
