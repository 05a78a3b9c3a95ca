package com.activitytracker.engine.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decodes one activity event straight from a record's bytes with Jackson's streaming parser: no
 * char copy and no tree, and strict where the contract is strict — content after the object, a
 * key given twice (at any depth), a number that is not finite, nesting deeper than
 * {@link #MAX_NESTING_DEPTH} levels. Thread-safe: the factory is shared, parsers are per call.
 */
final class ActivityEventReader {
    /** Levels of objects and arrays a record may nest, the event object itself being the first. */
    static final int MAX_NESTING_DEPTH = 32;

    // the required fields, in the order their problems are reported
    private static final int EVENT_ID = 0;
    private static final int EVENT_TYPE = 1;
    private static final int USER_ID = 2;
    private static final int TIMESTAMP = 3;
    private static final String[] REQUIRED = {"event_id", "event_type", "user_id", "timestamp"};

    private final JsonFactory factory;
    private final TimestampParser timestamps = new TimestampParser();

    ActivityEventReader() {
        // Jackson counts depth itself and stops before a deep document can exhaust the stack
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .build())
                .build();
    }

    ActivityEvent read(byte[] value) throws InvalidEventException {
        int bad = Utf8.firstInvalid(value);
        if (bad >= 0) {
            throw new InvalidEventException(
                    value[bad] == 0 ? "not valid JSON: a NUL byte at offset " + bad : "not UTF-8 text");
        }
        try (JsonParser p = factory.createParser(value)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new InvalidEventException("empty record");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new InvalidEventException("not a JSON object but " + typeOf(first));
            }
            Fields f = new Fields();
            readEvent(p, f);
            requireEnd(p);
            return f.toEvent(timestamps);
        } catch (StreamConstraintsException e) {
            throw new InvalidEventException(
                    e.getMessage() != null && e.getMessage().contains("nesting depth")
                            ? "nested deeper than " + MAX_NESTING_DEPTH + " levels"
                            : "not valid JSON: " + oneLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("not valid JSON: " + oneLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new InvalidEventException("not valid JSON: " + oneLine(e.getMessage()));
        }
    }

    /** The event object's fields; the parser stands on its START_OBJECT. */
    private void readEvent(JsonParser p, Fields f) throws IOException, InvalidEventException {
        long seen = 0; // one bit per known field, for duplicates without a set
        Set<String> unknownSeen = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            int bit = switch (name) {
                case "event_id" -> f.required(EVENT_ID, p, t);
                case "event_type" -> f.required(EVENT_TYPE, p, t);
                case "user_id" -> f.required(USER_ID, p, t);
                case "timestamp" -> f.required(TIMESTAMP, p, t);
                case "session_id" -> {
                    f.sessionId = optionalString(p, t);
                    yield 4;
                }
                case "page" -> {
                    f.page = optionalString(p, t);
                    yield 5;
                }
                case "referrer" -> {
                    f.referrer = optionalString(p, t);
                    yield 6;
                }
                case "product_id" -> {
                    f.productId = optionalString(p, t);
                    yield 7;
                }
                case "category" -> {
                    f.category = optionalString(p, t);
                    yield 8;
                }
                case "price" -> {
                    f.price = optionalNumber(p, t);
                    yield 9;
                }
                case "order_id" -> {
                    f.orderId = optionalString(p, t);
                    yield 10;
                }
                case "amount" -> {
                    f.amount = optionalNumber(p, t);
                    f.amountToken = t;
                    yield 11;
                }
                case "currency" -> {
                    f.currency = optionalString(p, t);
                    yield 12;
                }
                case "query" -> {
                    f.query = optionalString(p, t);
                    yield 13;
                }
                case "device" -> {
                    f.device = device(p, t);
                    yield 14;
                }
                case "geo" -> {
                    f.geo = geo(p, t);
                    yield 15;
                }
                case "ip" -> {
                    f.ip = optionalString(p, t);
                    yield 16;
                }
                case "properties" -> {
                    f.properties = properties(p, t);
                    yield 17;
                }
                default -> {
                    if (unknownSeen == null) {
                        unknownSeen = new HashSet<>();
                    }
                    if (!unknownSeen.add(name)) {
                        throw duplicate(name);
                    }
                    skipValue(p, t); // unknown fields are ignored, but must still be valid
                    yield -1;
                }
            };
            if (bit >= 0) {
                if ((seen & (1L << bit)) != 0) {
                    throw duplicate(name);
                }
                seen |= 1L << bit;
            }
        }
    }

    private static void requireEnd(JsonParser p) throws InvalidEventException {
        try {
            if (p.nextToken() == null) {
                return;
            }
        } catch (IOException e) {
            // the trailing content is not even JSON: the same verdict
        }
        throw new InvalidEventException("not valid JSON: content after the event object at offset "
                + p.currentTokenLocation().getByteOffset());
    }

    /** Optional fields of the wrong type are dropped rather than rejected: only the contract's rules reject. */
    private static String optionalString(JsonParser p, JsonToken t) throws IOException, InvalidEventException {
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        skipValue(p, t);
        return null;
    }

    private static Double optionalNumber(JsonParser p, JsonToken t) throws IOException, InvalidEventException {
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return finiteDouble(p);
        }
        skipValue(p, t);
        return null;
    }

    private static ActivityEvent.Device device(JsonParser p, JsonToken t) throws IOException, InvalidEventException {
        if (t != JsonToken.START_OBJECT) {
            skipValue(p, t);
            return null;
        }
        String type = null;
        String os = null;
        String browser = null;
        int seen = 0;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            int bit;
            switch (name) {
                case "type" -> {
                    type = optionalString(p, v);
                    bit = 1;
                }
                case "os" -> {
                    os = optionalString(p, v);
                    bit = 2;
                }
                case "browser" -> {
                    browser = optionalString(p, v);
                    bit = 4;
                }
                default -> {
                    skipValue(p, v);
                    bit = 0;
                }
            }
            seen = mark(seen, bit, name);
        }
        return new ActivityEvent.Device(type, os, browser);
    }

    private static ActivityEvent.Geo geo(JsonParser p, JsonToken t) throws IOException, InvalidEventException {
        if (t != JsonToken.START_OBJECT) {
            skipValue(p, t);
            return null;
        }
        String country = null;
        String city = null;
        int seen = 0;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            int bit;
            switch (name) {
                case "country" -> {
                    country = optionalString(p, v);
                    bit = 1;
                }
                case "city" -> {
                    city = optionalString(p, v);
                    bit = 2;
                }
                default -> {
                    skipValue(p, v);
                    bit = 0;
                }
            }
            seen = mark(seen, bit, name);
        }
        return new ActivityEvent.Geo(country, city);
    }

    /** Records a known nested field; unknown ones (bit 0) are not tracked here, rare enough to allow. */
    private static int mark(int seen, int bit, String name) throws InvalidEventException {
        if ((seen & bit) != 0) {
            throw duplicate(name);
        }
        return seen | bit;
    }

    /** Free-form extras as plain Java values (maps, lists, strings, numbers, booleans); null entries are dropped. */
    private static Map<String, Object> properties(JsonParser p, JsonToken t) throws IOException, InvalidEventException {
        if (t != JsonToken.START_OBJECT) {
            skipValue(p, t);
            return null;
        }
        Map<String, Object> map = readObject(p);
        map.values().removeIf(v -> v == null); // an event's properties cannot hold null: absent means the same
        return map;
    }

    private static Object readValue(JsonParser p, JsonToken t) throws IOException, InvalidEventException {
        return switch (t) {
            case START_OBJECT -> readObject(p);
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                JsonToken e;
                while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(readValue(p, e));
                }
                yield list;
            }
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> {
                finiteDouble(p);
                yield p.getNumberValue();
            }
            case VALUE_NUMBER_FLOAT -> finiteDouble(p);
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new InvalidEventException("not valid JSON: unexpected " + t);
        };
    }

    private static Map<String, Object> readObject(JsonParser p) throws IOException, InvalidEventException {
        Map<String, Object> map = new LinkedHashMap<>();
        String name;
        while ((name = p.nextFieldName()) != null) {
            if (map.containsKey(name)) {
                throw duplicate(name);
            }
            map.put(name, readValue(p, p.nextToken()));
        }
        return map;
    }

    /** Reads past a value nobody keeps, with the same checks as one that is kept. Depth is bounded by the factory. */
    private static void skipValue(JsonParser p, JsonToken t) throws IOException, InvalidEventException {
        switch (t) {
            case START_OBJECT -> {
                Set<String> names = new HashSet<>();
                String name;
                while ((name = p.nextFieldName()) != null) {
                    if (!names.add(name)) {
                        throw duplicate(name);
                    }
                    skipValue(p, p.nextToken());
                }
            }
            case START_ARRAY -> {
                JsonToken e;
                while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                    skipValue(p, e);
                }
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> finiteDouble(p);
            default -> {} // strings, booleans and null are already checked by the parser
        }
    }

    private static double finiteDouble(JsonParser p) throws IOException, InvalidEventException {
        double d = p.getDoubleValue();
        if (!Double.isFinite(d)) {
            throw new InvalidEventException(
                    "number " + abbreviate(p.getText()) + " is not finite (overflows a double)");
        }
        return d;
    }

    private static InvalidEventException duplicate(String name) {
        return new InvalidEventException("key '" + abbreviate(name) + "' given twice");
    }

    static String typeOf(JsonToken t) {
        return switch (t) {
            case START_OBJECT -> "object";
            case START_ARRAY -> "array";
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case VALUE_NULL -> "null";
            default -> t.name().toLowerCase();
        };
    }

    private static String oneLine(String message) {
        return abbreviate(message == null ? "unreadable" : message.replaceAll("\\R", " "));
    }

    static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 120) + "...";
    }

    /** What one event object held, checked against the contract once the object is complete. */
    private static final class Fields {
        private final String[] required = new String[REQUIRED.length];
        private final JsonToken[] wrongType = new JsonToken[REQUIRED.length];
        String sessionId;
        String page;
        String referrer;
        String productId;
        String category;
        Double price;
        String orderId;
        Double amount;
        JsonToken amountToken;
        String currency;
        String query;
        ActivityEvent.Device device;
        ActivityEvent.Geo geo;
        String ip;
        Map<String, Object> properties;

        /** @return the field's bit for duplicate detection */
        int required(int slot, JsonParser p, JsonToken t) throws IOException, InvalidEventException {
            if (t == JsonToken.VALUE_STRING) {
                required[slot] = p.getText();
            } else if (t != JsonToken.VALUE_NULL) {
                wrongType[slot] = t;
                skipValue(p, t);
            }
            return slot;
        }

        ActivityEvent toEvent(TimestampParser timestamps) throws InvalidEventException {
            for (int i = 0; i < REQUIRED.length; i++) {
                if (wrongType[i] != null) {
                    throw new InvalidEventException(
                            "field '" + REQUIRED[i] + "' must be a string, not " + typeOf(wrongType[i]));
                }
                if (required[i] == null) {
                    throw new InvalidEventException("required field '" + REQUIRED[i] + "' is missing");
                }
                if (required[i].isBlank()) {
                    throw new InvalidEventException("required field '" + REQUIRED[i] + "' is empty");
                }
            }
            Instant timestamp = timestamps.parse(required[TIMESTAMP]);
            if (EventTypes.PURCHASE.equals(required[EVENT_TYPE])) {
                if (amount == null) {
                    throw new InvalidEventException(
                            amountToken == null || amountToken == JsonToken.VALUE_NULL
                                    ? "purchase without 'amount'"
                                    : "purchase 'amount' must be a number, not " + typeOf(amountToken));
                }
                if (amount < 0) {
                    throw new InvalidEventException("purchase with negative 'amount' " + amount);
                }
            }
            return new ActivityEvent(
                    required[EVENT_ID],
                    required[EVENT_TYPE],
                    required[USER_ID],
                    timestamp,
                    sessionId,
                    page,
                    referrer,
                    productId,
                    category,
                    price,
                    orderId,
                    amount,
                    currency,
                    query,
                    device,
                    geo,
                    ip,
                    properties);
        }
    }
}
