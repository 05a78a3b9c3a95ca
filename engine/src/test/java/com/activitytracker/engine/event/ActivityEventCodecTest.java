package com.activitytracker.engine.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("unit")
class ActivityEventCodecTest {
    private final ActivityEventCodec codec = new ActivityEventCodec();

    private static final String CONTRACT_EXAMPLE = """
            {"event_id":"6f1c2a9e-1d2b-4c55-9a57-0b7a1c0e9f10","event_type":"purchase","user_id":"user-1234",
             "session_id":"sess-88a1","timestamp":"2026-11-26T10:30:45.123Z","page":"/checkout/confirm",
             "order_id":"ord-5521","product_id":"p-1042","category":"electronics","amount":999.99,"currency":"USD",
             "device":{"type":"mobile","os":"iOS","browser":"Safari"},"geo":{"country":"US","city":"Austin"},"ip":"203.0.113.7"}
            """;

    private ActivityEvent decode(String json) throws InvalidEventException {
        return codec.decode(json.getBytes(StandardCharsets.UTF_8));
    }

    private String reasonFor(String json) {
        try {
            decode(json);
        } catch (InvalidEventException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected invalid: " + json);
    }

    @Test
    void readsTheContractExample() throws Exception {
        ActivityEvent e = decode(CONTRACT_EXAMPLE);
        assertThat(e.eventType()).isEqualTo("purchase");
        assertThat(e.userId()).isEqualTo("user-1234");
        assertThat(e.timestamp()).isEqualTo(Instant.parse("2026-11-26T10:30:45.123Z"));
        assertThat(e.amount()).isEqualTo(999.99);
        assertThat(e.device()).isEqualTo(new ActivityEvent.Device("mobile", "iOS", "Safari"));
        assertThat(e.geo()).isEqualTo(new ActivityEvent.Geo("US", "Austin"));
        assertThat(e.ip()).isEqualTo("203.0.113.7");
    }

    @Test
    void writesWhatItReadsBack() throws Exception {
        ActivityEvent original = decode(CONTRACT_EXAMPLE);
        ActivityEvent again = codec.decode(codec.encode(original));
        assertThat(again).isEqualTo(original);
    }

    @Test
    void writesSnakeCaseFieldsAndAnIsoInstant() {
        ActivityEvent e = ActivityEvent.builder("id-1", "add_to_cart", "user-1", Instant.parse("2026-11-26T10:30:45.123Z"))
                .sessionId("s-1").productId("p-1").price(19.5).properties(Map.of("coupon", "X")).build();
        String json = new String(codec.encode(e), StandardCharsets.UTF_8);
        assertThat(json).contains("\"event_id\":\"id-1\"", "\"event_type\":\"add_to_cart\"", "\"user_id\":\"user-1\"",
                "\"session_id\":\"s-1\"", "\"timestamp\":\"2026-11-26T10:30:45.123Z\"", "\"product_id\":\"p-1\"",
                "\"price\":19.5", "\"properties\":{\"coupon\":\"X\"}");
        assertThat(json).doesNotContain("null");
    }

    @Test
    void acceptsATimestampWithAnOffset() throws Exception {
        ActivityEvent e = decode("{\"event_id\":\"a\",\"event_type\":\"click\",\"user_id\":\"u\",\"timestamp\":\"2026-11-26T11:30:45+01:00\"}");
        assertThat(e.timestamp()).isEqualTo(Instant.parse("2026-11-26T10:30:45Z"));
    }

    @Test
    void acceptsUnknownEventTypesAndIgnoresUnknownFields() throws Exception {
        ActivityEvent e = decode("{\"event_id\":\"a\",\"event_type\":\"wishlist_add\",\"user_id\":\"u\","
                + "\"timestamp\":\"2026-11-26T10:30:45Z\",\"brand_new_field\":[1,2,3]}");
        assertThat(e.eventType()).isEqualTo("wishlist_add");
    }

    @Test
    void acceptsAFreePurchase() throws Exception {
        ActivityEvent e = decode("{\"event_id\":\"a\",\"event_type\":\"purchase\",\"user_id\":\"u\",\"timestamp\":\"2026-11-26T10:30:45Z\",\"amount\":0}");
        assertThat(e.amount()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing event_id | {\"event_type\":\"click\",\"user_id\":\"u\",\"timestamp\":\"2026-11-26T10:30:45Z\"} | 'event_id' is missing",
            "missing event_type | {\"event_id\":\"a\",\"user_id\":\"u\",\"timestamp\":\"2026-11-26T10:30:45Z\"} | 'event_type' is missing",
            "missing user_id | {\"event_id\":\"a\",\"event_type\":\"click\",\"timestamp\":\"2026-11-26T10:30:45Z\"} | 'user_id' is missing",
            "missing timestamp | {\"event_id\":\"a\",\"event_type\":\"click\",\"user_id\":\"u\"} | 'timestamp' is missing",
            "null user_id | {\"event_id\":\"a\",\"event_type\":\"click\",\"user_id\":null,\"timestamp\":\"2026-11-26T10:30:45Z\"} | 'user_id' is missing",
            "empty user_id | {\"event_id\":\"a\",\"event_type\":\"click\",\"user_id\":\"\",\"timestamp\":\"2026-11-26T10:30:45Z\"} | 'user_id' is empty",
            "blank event_type | {\"event_id\":\"a\",\"event_type\":\"  \",\"user_id\":\"u\",\"timestamp\":\"2026-11-26T10:30:45Z\"} | 'event_type' is empty",
            "numeric user_id | {\"event_id\":\"a\",\"event_type\":\"click\",\"user_id\":42,\"timestamp\":\"2026-11-26T10:30:45Z\"} | 'user_id' must be a string, not number",
            "object event_id | {\"event_id\":{},\"event_type\":\"click\",\"user_id\":\"u\",\"timestamp\":\"2026-11-26T10:30:45Z\"} | 'event_id' must be a string, not object",
            "unparsable timestamp | {\"event_id\":\"a\",\"event_type\":\"click\",\"user_id\":\"u\",\"timestamp\":\"yesterday\"} | unparsable 'timestamp'",
            "timestamp without zone | {\"event_id\":\"a\",\"event_type\":\"click\",\"user_id\":\"u\",\"timestamp\":\"2026-11-26T10:30:45\"} | unparsable 'timestamp'",
            "numeric timestamp | {\"event_id\":\"a\",\"event_type\":\"click\",\"user_id\":\"u\",\"timestamp\":1764153045} | 'timestamp' must be a string",
            "purchase without amount | {\"event_id\":\"a\",\"event_type\":\"purchase\",\"user_id\":\"u\",\"timestamp\":\"2026-11-26T10:30:45Z\"} | purchase without 'amount'",
            "purchase with text amount | {\"event_id\":\"a\",\"event_type\":\"purchase\",\"user_id\":\"u\",\"timestamp\":\"2026-11-26T10:30:45Z\",\"amount\":\"12.50\"} | must be a number, not string",
            "purchase with negative amount | {\"event_id\":\"a\",\"event_type\":\"purchase\",\"user_id\":\"u\",\"timestamp\":\"2026-11-26T10:30:45Z\",\"amount\":-1} | negative 'amount'",
            "a JSON array | [1,2,3] | not a JSON object but array",
            "a JSON string | \"hello\" | not a JSON object but string",
            "broken JSON | {\"event_id\":\"a\", | not valid JSON",
            "plain text | hello world | not valid JSON",
    })
    void rejectsWithAReason(String name, String json, String reason) {
        assertThat(reasonFor(json)).contains(reason);
    }

    @Test
    void rejectsBytesThatAreNotUtf8() {
        byte[] garbage = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE};
        assertThatThrownBy(() -> codec.decode(garbage)).isInstanceOf(InvalidEventException.class).hasMessage("not UTF-8 text");
    }

    @Test
    void rejectsAnEmptyOrNullValue() {
        assertThatThrownBy(() -> codec.decode(new byte[0])).isInstanceOf(InvalidEventException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> codec.decode(null)).isInstanceOf(InvalidEventException.class).hasMessageContaining("null");
    }

    @Test
    void rejectsAValueOverOneMebibyteWithoutParsingIt() {
        byte[] huge = new byte[ActivityEventCodec.MAX_RECORD_BYTES + 1];
        assertThatThrownBy(() -> codec.decode(huge)).isInstanceOf(InvalidEventException.class).hasMessageContaining("exceeds the 1 MiB limit");
    }
}
