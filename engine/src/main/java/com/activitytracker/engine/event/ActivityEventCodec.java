package com.activitytracker.engine.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Reads and writes activity events as the UTF-8 JSON of docs/CONTRACTS.md and enforces its validation
 * rules strictly (see {@link ActivityEventReader}). Thread-safe: Jackson's mapper and factories are
 * shared, generators and parsers are per call.
 */
public final class ActivityEventCodec {
    /** Records larger than this go to the DLQ unread (docs/CONTRACTS.md). */
    public static final int MAX_RECORD_BYTES = 1024 * 1024;

    private static final DateTimeFormatter ISO_INSTANT = DateTimeFormatter.ISO_INSTANT;

    private static final SerializedString EVENT_ID = new SerializedString("event_id");
    private static final SerializedString EVENT_TYPE = new SerializedString("event_type");
    private static final SerializedString USER_ID = new SerializedString("user_id");
    private static final SerializedString SESSION_ID = new SerializedString("session_id");
    private static final SerializedString TIMESTAMP = new SerializedString("timestamp");
    private static final SerializedString PAGE = new SerializedString("page");
    private static final SerializedString REFERRER = new SerializedString("referrer");
    private static final SerializedString PRODUCT_ID = new SerializedString("product_id");
    private static final SerializedString CATEGORY = new SerializedString("category");
    private static final SerializedString PRICE = new SerializedString("price");
    private static final SerializedString ORDER_ID = new SerializedString("order_id");
    private static final SerializedString AMOUNT = new SerializedString("amount");
    private static final SerializedString CURRENCY = new SerializedString("currency");
    private static final SerializedString QUERY = new SerializedString("query");
    private static final SerializedString DEVICE = new SerializedString("device");
    private static final SerializedString TYPE = new SerializedString("type");
    private static final SerializedString OS = new SerializedString("os");
    private static final SerializedString BROWSER = new SerializedString("browser");
    private static final SerializedString GEO = new SerializedString("geo");
    private static final SerializedString COUNTRY = new SerializedString("country");
    private static final SerializedString CITY = new SerializedString("city");
    private static final SerializedString IP = new SerializedString("ip");
    private static final SerializedString PROPERTIES = new SerializedString("properties");

    private static final byte[] EVENT_ID_NAME = JsonBytes.fieldName("event_id");
    private static final byte[] EVENT_TYPE_NAME = JsonBytes.fieldName("event_type");
    private static final byte[] USER_ID_NAME = JsonBytes.fieldName("user_id");
    private static final byte[] SESSION_ID_NAME = JsonBytes.fieldName("session_id");
    private static final byte[] TIMESTAMP_NAME = JsonBytes.fieldName("timestamp");
    private static final byte[] PAGE_NAME = JsonBytes.fieldName("page");
    private static final byte[] REFERRER_NAME = JsonBytes.fieldName("referrer");
    private static final byte[] PRODUCT_ID_NAME = JsonBytes.fieldName("product_id");
    private static final byte[] CATEGORY_NAME = JsonBytes.fieldName("category");
    private static final byte[] PRICE_NAME = JsonBytes.fieldName("price");
    private static final byte[] ORDER_ID_NAME = JsonBytes.fieldName("order_id");
    private static final byte[] AMOUNT_NAME = JsonBytes.fieldName("amount");
    private static final byte[] CURRENCY_NAME = JsonBytes.fieldName("currency");
    private static final byte[] QUERY_NAME = JsonBytes.fieldName("query");
    private static final byte[] DEVICE_NAME = JsonBytes.fieldName("device");
    private static final byte[] TYPE_NAME = JsonBytes.fieldName("type");
    private static final byte[] OS_NAME = JsonBytes.fieldName("os");
    private static final byte[] BROWSER_NAME = JsonBytes.fieldName("browser");
    private static final byte[] GEO_NAME = JsonBytes.fieldName("geo");
    private static final byte[] COUNTRY_NAME = JsonBytes.fieldName("country");
    private static final byte[] CITY_NAME = JsonBytes.fieldName("city");
    private static final byte[] IP_NAME = JsonBytes.fieldName("ip");

    private final ObjectMapper mapper;
    private final JsonFactory factory;
    /** One write buffer per thread that encodes, reused from event to event. */
    private final ThreadLocal<JsonBytes> buffers = ThreadLocal.withInitial(JsonBytes::new);
    private final ActivityEventReader reader = new ActivityEventReader();
    /**
     * The producer stamps a whole batch with one instant, so the last formatted timestamp is reused:
     * formatting was 6 % of the producer thread's time. One entry, replaced atomically, thread-safe.
     */
    private volatile FormattedInstant lastTimestamp = new FormattedInstant(Instant.EPOCH, ISO_INSTANT.format(Instant.EPOCH));

    private record FormattedInstant(Instant instant, String text) {}

    public ActivityEventCodec() {
        this(new ObjectMapper());
    }

    public ActivityEventCodec(ObjectMapper mapper) {
        this.mapper = mapper;
        this.factory = mapper.getFactory();
    }

    /**
     * The event as UTF-8 JSON. Events without free-form properties (all the generator makes) are
     * written straight into a per-thread buffer: a Jackson generator per event was a third of the
     * producer thread's time. Events with properties go through Jackson, which writes any value.
     */
    public byte[] encode(ActivityEvent event) {
        if (event.properties() != null) {
            return encodeWithJackson(event);
        }
        JsonBytes j = buffers.get();
        j.reset();
        j.startObject();
        j.name(EVENT_ID_NAME);
        j.string(event.eventId());
        j.name(EVENT_TYPE_NAME);
        j.string(event.eventType());
        j.name(USER_ID_NAME);
        j.string(event.userId());
        stringIfPresent(j, SESSION_ID_NAME, event.sessionId());
        j.name(TIMESTAMP_NAME);
        j.asciiString(format(event.timestamp()));
        stringIfPresent(j, PAGE_NAME, event.page());
        stringIfPresent(j, REFERRER_NAME, event.referrer());
        stringIfPresent(j, PRODUCT_ID_NAME, event.productId());
        stringIfPresent(j, CATEGORY_NAME, event.category());
        numberIfPresent(j, PRICE_NAME, event.price());
        stringIfPresent(j, ORDER_ID_NAME, event.orderId());
        numberIfPresent(j, AMOUNT_NAME, event.amount());
        stringIfPresent(j, CURRENCY_NAME, event.currency());
        stringIfPresent(j, QUERY_NAME, event.query());
        if (event.device() != null) {
            j.name(DEVICE_NAME);
            j.startObject();
            stringIfPresent(j, TYPE_NAME, event.device().type());
            stringIfPresent(j, OS_NAME, event.device().os());
            stringIfPresent(j, BROWSER_NAME, event.device().browser());
            j.endObject();
        }
        if (event.geo() != null) {
            j.name(GEO_NAME);
            j.startObject();
            stringIfPresent(j, COUNTRY_NAME, event.geo().country());
            stringIfPresent(j, CITY_NAME, event.geo().city());
            j.endObject();
        }
        stringIfPresent(j, IP_NAME, event.ip());
        j.endObject();
        return j.toByteArray();
    }

    private static void stringIfPresent(JsonBytes j, byte[] name, String value) {
        if (value != null) {
            j.name(name);
            j.string(value);
        }
    }

    private static void numberIfPresent(JsonBytes j, byte[] name, Double value) {
        if (value != null) {
            j.name(name);
            j.number(value);
        }
    }

    private byte[] encodeWithJackson(ActivityEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.writeStartObject();
            g.writeFieldName(EVENT_ID);
            g.writeString(event.eventId());
            g.writeFieldName(EVENT_TYPE);
            g.writeString(event.eventType());
            g.writeFieldName(USER_ID);
            g.writeString(event.userId());
            writeIfPresent(g, SESSION_ID, event.sessionId());
            g.writeFieldName(TIMESTAMP);
            g.writeString(format(event.timestamp()));
            writeIfPresent(g, PAGE, event.page());
            writeIfPresent(g, REFERRER, event.referrer());
            writeIfPresent(g, PRODUCT_ID, event.productId());
            writeIfPresent(g, CATEGORY, event.category());
            writeIfPresent(g, PRICE, event.price());
            writeIfPresent(g, ORDER_ID, event.orderId());
            writeIfPresent(g, AMOUNT, event.amount());
            writeIfPresent(g, CURRENCY, event.currency());
            writeIfPresent(g, QUERY, event.query());
            if (event.device() != null) {
                g.writeFieldName(DEVICE);
                g.writeStartObject();
                writeIfPresent(g, TYPE, event.device().type());
                writeIfPresent(g, OS, event.device().os());
                writeIfPresent(g, BROWSER, event.device().browser());
                g.writeEndObject();
            }
            if (event.geo() != null) {
                g.writeFieldName(GEO);
                g.writeStartObject();
                writeIfPresent(g, COUNTRY, event.geo().country());
                writeIfPresent(g, CITY, event.geo().city());
                g.writeEndObject();
            }
            writeIfPresent(g, IP, event.ip());
            if (event.properties() != null) {
                g.writeFieldName(PROPERTIES);
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
        if (value.length == 0) {
            throw new InvalidEventException("empty record");
        }
        return reader.read(value);
    }

    private static void writeIfPresent(JsonGenerator g, SerializedString field, String value) throws IOException {
        if (value != null) {
            g.writeFieldName(field);
            g.writeString(value);
        }
    }

    private static void writeIfPresent(JsonGenerator g, SerializedString field, Double value) throws IOException {
        if (value != null) {
            g.writeFieldName(field);
            g.writeNumber(value);
        }
    }

    private String format(Instant instant) {
        FormattedInstant last = lastTimestamp;
        if (last.instant().equals(instant)) {
            return last.text();
        }
        String text = ISO_INSTANT.format(instant);
        lastTimestamp = new FormattedInstant(instant, text);
        return text;
    }

}
