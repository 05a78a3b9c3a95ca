package com.activitytracker.engine.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
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
        ActivityEvent e = ActivityEvent.builder(
                        "id-1", "add_to_cart", "user-1", Instant.parse("2026-11-26T10:30:45.123Z"))
                .sessionId("s-1")
                .productId("p-1")
                .price(19.5)
                .properties(Map.of("coupon", "X"))
                .build();
        String json = new String(codec.encode(e), StandardCharsets.UTF_8);
        assertThat(json)
                .contains(
                        "\"event_id\":\"id-1\"",
                        "\"event_type\":\"add_to_cart\"",
                        "\"user_id\":\"user-1\"",
                        "\"session_id\":\"s-1\"",
                        "\"timestamp\":\"2026-11-26T10:30:45.123Z\"",
                        "\"product_id\":\"p-1\"",
                        "\"price\":19.5",
                        "\"properties\":{\"coupon\":\"X\"}");
        assertThat(json).doesNotContain("null");
    }

    @Test
    void writesEscapesAndEveryKindOfCharacterAsJsonThatJacksonReads() throws Exception {
        String tricky = "q\"b\\s/\n\r\t\b\f\u0001\u001f é € 😀 \u007f";
        ActivityEvent e = ActivityEvent.builder("id-1", "search", tricky, Instant.parse("2026-11-26T10:30:45Z"))
                .query(tricky)
                .amount(1e21)
                .price(0.1)
                .device(new ActivityEvent.Device(null, "iOS", null))
                .build();
        byte[] bytes = codec.encode(e);
        com.fasterxml.jackson.databind.JsonNode tree =
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(bytes);
        assertThat(tree.get("user_id").textValue()).isEqualTo(tricky);
        assertThat(tree.get("query").textValue()).isEqualTo(tricky);
        assertThat(tree.get("amount").doubleValue()).isEqualTo(1e21);
        assertThat(tree.get("device").toString()).isEqualTo("{\"os\":\"iOS\"}");
        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .contains("\"timestamp\":\"2026-11-26T10:30:45Z\"", "\"price\":0.1");
        assertThat(codec.decode(bytes)).isEqualTo(e);
    }

    @Test
    void writesALoneSurrogateAsTheReplacementCharacter() throws Exception {
        ActivityEvent e = ActivityEvent.builder("id-1", "click", "u\uD83D!", Instant.parse("2026-11-26T10:30:45Z"))
                .build();
        assertThat(codec.decode(codec.encode(e)).userId()).isEqualTo("u\uFFFD!");
    }

    @Test
    void acceptsATimestampWithAnOffset() throws Exception {
        ActivityEvent e = decode(
                "{\"event_id\":\"a\",\"event_type\":\"click\",\"user_id\":\"u\",\"timestamp\":\"2026-11-26T11:30:45+01:00\"}");
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
        ActivityEvent e = decode(
                "{\"event_id\":\"a\",\"event_type\":\"purchase\",\"user_id\":\"u\",\"timestamp\":\"2026-11-26T10:30:45Z\",\"amount\":0}");
        assertThat(e.amount()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
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
                "trailing junk | {\"event_id\":\"a\",\"event_type\":\"click\",\"user_id\":\"u\",\"timestamp\":\"2026-11-26T10:30:45Z\"} junk | content after the event object",
                "a second object | {\"event_id\":\"a\",\"event_type\":\"click\",\"user_id\":\"u\",\"timestamp\":\"2026-11-26T10:30:45Z\"}{} | content after the event object",
                "duplicate user_id | {\"event_id\":\"a\",\"event_type\":\"click\",\"user_id\":\"u\",\"user_id\":\"v\",\"timestamp\":\"2026-11-26T10:30:45Z\"} | key 'user_id' given twice",
                "duplicate after null | {\"event_id\":\"a\",\"event_type\":\"click\",\"user_id\":null,\"user_id\":\"v\",\"timestamp\":\"2026-11-26T10:30:45Z\"} | key 'user_id' given twice",
                "duplicate in device | {\"event_id\":\"a\",\"event_type\":\"click\",\"user_id\":\"u\",\"timestamp\":\"2026-11-26T10:30:45Z\",\"device\":{\"os\":\"iOS\",\"os\":\"Android\"}} | key 'os' given twice",
                "duplicate in properties | {\"event_id\":\"a\",\"event_type\":\"click\",\"user_id\":\"u\",\"timestamp\":\"2026-11-26T10:30:45Z\",\"properties\":{\"k\":1,\"k\":2}} | key 'k' given twice",
                "duplicate unknown field | {\"event_id\":\"a\",\"event_type\":\"click\",\"user_id\":\"u\",\"timestamp\":\"2026-11-26T10:30:45Z\",\"x\":1,\"x\":1} | key 'x' given twice",
                "duplicate inside an unknown field | {\"event_id\":\"a\",\"event_type\":\"click\",\"user_id\":\"u\",\"timestamp\":\"2026-11-26T10:30:45Z\",\"x\":[{\"y\":1,\"y\":2}]} | key 'y' given twice",
                "overflowing amount | {\"event_id\":\"a\",\"event_type\":\"purchase\",\"user_id\":\"u\",\"timestamp\":\"2026-11-26T10:30:45Z\",\"amount\":1e400} | number 1e400 is not finite",
                "overflowing price on a click | {\"event_id\":\"a\",\"event_type\":\"click\",\"user_id\":\"u\",\"timestamp\":\"2026-11-26T10:30:45Z\",\"price\":-1E999} | is not finite",
                "overflowing number in properties | {\"event_id\":\"a\",\"event_type\":\"click\",\"user_id\":\"u\",\"timestamp\":\"2026-11-26T10:30:45Z\",\"properties\":{\"n\":[1e309]}} | is not finite",
                "NaN | {\"event_id\":\"a\",\"event_type\":\"purchase\",\"user_id\":\"u\",\"timestamp\":\"2026-11-26T10:30:45Z\",\"amount\":NaN} | not valid JSON",
                "a JSON null | null | not a JSON object but null",
                "a JSON number | 42 | not a JSON object but number",
                "only whitespace | '   ' | empty record",
                "purchase with object amount | {\"event_id\":\"a\",\"event_type\":\"purchase\",\"user_id\":\"u\",\"timestamp\":\"2026-11-26T10:30:45Z\",\"amount\":{}} | must be a number, not object",
            })
    void rejectsWithAReason(String name, String json, String reason) {
        assertThat(reasonFor(json)).contains(reason);
    }

    @Test
    void rejectsBytesThatAreNotUtf8() {
        byte[] garbage = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE};
        assertThatThrownBy(() -> codec.decode(garbage))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("not UTF-8 text");
    }

    @Test
    void rejectsOverlongAndSurrogateEncodingsAsNotUtf8() {
        byte[] overlongSlash = {'{', (byte) 0xC0, (byte) 0xAF, '}'};
        byte[] surrogate = {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'};
        byte[] truncated = {'"', (byte) 0xE2, (byte) 0x82};
        for (byte[] bad : List.of(overlongSlash, surrogate, truncated)) {
            assertThatThrownBy(() -> codec.decode(bad))
                    .isInstanceOf(InvalidEventException.class)
                    .hasMessage("not UTF-8 text");
        }
    }

    @Test
    void acceptsMultiByteTextAndABom() throws Exception {
        ActivityEvent e = decode("\uFEFF{\"event_id\":\"a\",\"event_type\":\"search\",\"user_id\":\"ü-😀\","
                + "\"timestamp\":\"2026-11-26T10:30:45Z\",\"query\":\"café €\"}");
        assertThat(e.userId()).isEqualTo("ü-😀");
        assertThat(e.query()).isEqualTo("café €");
    }

    @Test
    void rejectsUtf16ThatJacksonWouldOtherwiseDetect() {
        byte[] utf16 = "{\"event_id\":\"a\"}".getBytes(StandardCharsets.UTF_16LE);
        assertThatThrownBy(() -> codec.decode(utf16))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("NUL byte");
    }

    @Test
    void rejectsAHundredThousandOpenBracketsWithoutOverflowingTheStack() {
        byte[] deep = "[".repeat(100_000).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> codec.decode(deep))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("not a JSON object");
        byte[] deepInside = ("{\"event_id\":\"a\",\"x\":" + "[".repeat(100_000)).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> codec.decode(deepInside))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("nested deeper than 32 levels");
    }

    @Test
    void allowsThirtyTwoLevelsOfNestingAndNoMore() throws Exception {
        String head =
                "{\"event_id\":\"a\",\"event_type\":\"click\",\"user_id\":\"u\",\"timestamp\":\"2026-11-26T10:30:45Z\",\"properties\":";
        // the event object is level 1 and properties level 2: 30 more arrays make 32
        ActivityEvent ok = decode(head + "{\"a\":" + "[".repeat(30) + "]".repeat(30) + "}}");
        assertThat(ok.properties()).containsKey("a");
        assertThat(reasonFor(head + "{\"a\":" + "[".repeat(31) + "]".repeat(31) + "}}"))
                .isEqualTo("nested deeper than 32 levels");
    }

    @Test
    @SuppressWarnings("unchecked")
    void readsPropertiesAsPlainValuesAndDropsNullEntries() throws Exception {
        ActivityEvent e = decode(
                "{\"event_id\":\"a\",\"event_type\":\"click\",\"user_id\":\"u\",\"timestamp\":\"2026-11-26T10:30:45Z\","
                        + "\"properties\":{\"s\":\"x\",\"i\":1,\"l\":12345678901,\"d\":1.5,\"b\":true,\"n\":null,\"list\":[1,\"two\",null],\"o\":{\"k\":false}}}");
        assertThat(e.properties())
                .containsOnlyKeys("s", "i", "l", "d", "b", "list", "o")
                .containsEntry("s", "x")
                .containsEntry("i", 1)
                .containsEntry("l", 12345678901L)
                .containsEntry("d", 1.5)
                .containsEntry("b", true)
                .containsEntry("o", Map.of("k", false));
        assertThat((List<Object>) e.properties().get("list")).containsExactly(1, "two", null);
    }

    @Test
    void dropsOptionalFieldsOfTheWrongTypeAsBefore() throws Exception {
        ActivityEvent e = decode(
                "{\"event_id\":\"a\",\"event_type\":\"click\",\"user_id\":\"u\",\"timestamp\":\"2026-11-26T10:30:45Z\","
                        + "\"page\":7,\"price\":\"9.99\",\"device\":\"mobile\",\"geo\":{\"country\":1,\"city\":\"Austin\"},\"properties\":[1]}");
        assertThat(e.page()).isNull();
        assertThat(e.price()).isNull();
        assertThat(e.device()).isNull();
        assertThat(e.geo()).isEqualTo(new ActivityEvent.Geo(null, "Austin"));
        assertThat(e.properties()).isNull();
    }

    @Test
    void readsTheProducersTimestampsAndOtherIsoFormsAlike() throws Exception {
        String base = "{\"event_id\":\"a\",\"event_type\":\"click\",\"user_id\":\"u\",\"timestamp\":\"%s\"}";
        assertThat(decode(base.formatted("2026-11-26T10:30:45.123Z")).timestamp())
                .isEqualTo(Instant.parse("2026-11-26T10:30:45.123Z"));
        assertThat(decode(base.formatted("2026-11-26T10:30:45Z")).timestamp())
                .isEqualTo(Instant.parse("2026-11-26T10:30:45Z"));
        assertThat(decode(base.formatted("2026-11-26T10:30:45.123456Z")).timestamp())
                .isEqualTo(Instant.parse("2026-11-26T10:30:45.123456Z"));
        assertThat(decode(base.formatted("2026-11-26t10:30:45z")).timestamp())
                .isEqualTo(Instant.parse("2026-11-26T10:30:45Z"));
        assertThat(reasonFor(base.formatted("2026-02-30T10:30:45.123Z"))).contains("unparsable 'timestamp'");
        assertThat(reasonFor(base.formatted("2026-11-26T24:00:00.000Z"))).contains("unparsable 'timestamp'");
        assertThat(reasonFor(base.formatted("2026-11-26T10:30:45.1x3Z"))).contains("unparsable 'timestamp'");
    }

    @Test
    void rejectsAnEmptyOrNullValue() {
        assertThatThrownBy(() -> codec.decode(new byte[0]))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> codec.decode(null))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("null");
    }

    @Test
    void rejectsAValueOverOneMebibyteWithoutParsingIt() {
        byte[] huge = new byte[ActivityEventCodec.MAX_RECORD_BYTES + 1];
        assertThatThrownBy(() -> codec.decode(huge))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("exceeds the 1 MiB limit");
    }
}
