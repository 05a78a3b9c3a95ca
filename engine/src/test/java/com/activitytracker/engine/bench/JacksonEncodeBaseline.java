package com.activitytracker.engine.bench;

import com.activitytracker.engine.event.ActivityEvent;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * The encoder the engine had before the direct one (a Jackson generator over a fresh output stream
 * per event), kept only so that {@link GenerateBenchmark} measures old and new side by side in one run.
 */
final class JacksonEncodeBaseline {
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

    private final ObjectMapper mapper = new ObjectMapper();
    private final JsonFactory factory = mapper.getFactory();
    private volatile FormattedInstant lastTimestamp =
            new FormattedInstant(Instant.EPOCH, ISO_INSTANT.format(Instant.EPOCH));

    private record FormattedInstant(Instant instant, String text) {}

    public byte[] encode(ActivityEvent event) {
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
