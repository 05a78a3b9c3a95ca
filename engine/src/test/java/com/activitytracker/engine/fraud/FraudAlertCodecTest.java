package com.activitytracker.engine.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class FraudAlertCodecTest {
    private final FraudAlertCodec codec = new FraudAlertCodec();

    private static FraudAlert velocityAlert() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("count", 42);
        details.put("window_seconds", 60L);
        details.put("threshold", 30);
        details.put("ratio", 1.4);
        details.put("countries", List.of("US", "DE"));
        details.put("nested", Map.of("flag", true));
        return new FraudAlert(
                FraudAlert.alertIdFor("HIGH_VELOCITY", "user-1234", "evt-42"),
                "HIGH_VELOCITY",
                Severity.HIGH,
                "user-1234",
                Instant.parse("2026-11-26T10:31:00.456Z"),
                Instant.parse("2026-11-26T10:30:45.123Z"),
                "User has 42 events in the last 60 seconds",
                List.of("evt-1", "evt-42"),
                details);
    }

    private static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void decodingAnEncodedAlertGivesAnEqualAlert() throws Exception {
        FraudAlert alert = velocityAlert();

        assertThat(codec.decode(codec.encode(alert))).isEqualTo(alert);
    }

    @Test
    void alertsFromTheDetectorSurviveTheRoundTrip() throws Exception {
        TestEvents events = new TestEvents();
        List<FraudAlert> alerts = TestEvents.feed(
                TestEvents.detector(), List.of(events.seenIn("u1", 0, "US"), events.purchase("u1", 60, 25_000)));
        assertThat(alerts).isNotEmpty();

        for (FraudAlert alert : alerts) {
            assertThat(codec.decode(codec.encode(alert))).isEqualTo(alert);
        }
    }

    @Test
    void encodedAlertHasTheContractFields() throws Exception {
        JsonNode json = new ObjectMapper().readTree(codec.encode(velocityAlert()));

        assertThat(json.fieldNames())
                .toIterable()
                .containsExactly(
                        "alert_id",
                        "rule",
                        "severity",
                        "user_id",
                        "detected_at",
                        "event_time",
                        "description",
                        "evidence_event_ids",
                        "details");
        assertThat(json.get("severity").textValue()).isEqualTo("HIGH");
        assertThat(json.get("detected_at").textValue()).isEqualTo("2026-11-26T10:31:00.456Z");
        assertThat(json.get("event_time").textValue()).isEqualTo("2026-11-26T10:30:45.123Z");
        assertThat(json.get("evidence_event_ids").isArray()).isTrue();
        assertThat(json.get("details").get("count").intValue()).isEqualTo(42);
    }

    @Test
    void decodingAcceptsOffsetsAndIgnoresUnknownFields() throws Exception {
        String json = """
                {"alert_id":"0d4f3c4e-8a45-3d4c-9a57-0b7a1c0e9f10","rule":"CARD_TESTING","severity":"HIGH",
                 "user_id":"user-1","detected_at":"2026-11-26T11:31:00+01:00","event_time":"2026-11-26T10:30:00Z",
                 "description":"User made 5 purchases under 5.00 in the last 10 minutes",
                 "evidence_event_ids":["a","b"],"details":{"count":5},"added_later":"x"}
                """;

        FraudAlert alert = codec.decode(utf8(json));

        assertThat(alert.detectedAt()).isEqualTo(Instant.parse("2026-11-26T10:31:00Z"));
        assertThat(alert.details()).containsEntry("count", 5L);
    }

    @Test
    void decodingReadsMissingEvidenceAndDetailsAsEmpty() throws Exception {
        String json = """
                {"alert_id":"x","rule":"HIGH_VELOCITY","severity":"LOW","user_id":"u","description":"d",
                 "detected_at":"2026-11-26T10:31:00Z","event_time":"2026-11-26T10:30:00Z"}
                """;

        FraudAlert alert = codec.decode(utf8(json));

        assertThat(alert.evidenceEventIds()).isEmpty();
        assertThat(alert.details()).isEmpty();
    }

    @Test
    void decodingRejectsAnAlertWithoutAUser() {
        String json = """
                {"alert_id":"x","rule":"HIGH_VELOCITY","severity":"HIGH","description":"d",
                 "detected_at":"2026-11-26T10:31:00Z","event_time":"2026-11-26T10:30:00Z"}
                """;

        assertThatExceptionOfType(InvalidFraudAlertException.class)
                .isThrownBy(() -> codec.decode(utf8(json)))
                .withMessage("required field 'user_id' is missing");
    }

    @Test
    void decodingRejectsAnUnknownSeverity() {
        String json = """
                {"alert_id":"x","rule":"HIGH_VELOCITY","severity":"SEVERE","user_id":"u","description":"d",
                 "detected_at":"2026-11-26T10:31:00Z","event_time":"2026-11-26T10:30:00Z"}
                """;

        assertThatExceptionOfType(InvalidFraudAlertException.class)
                .isThrownBy(() -> codec.decode(utf8(json)))
                .withMessageContaining("SEVERE");
    }

    @Test
    void decodingRejectsAnUnparsableTime() {
        String json = """
                {"alert_id":"x","rule":"HIGH_VELOCITY","severity":"HIGH","user_id":"u","description":"d",
                 "detected_at":"yesterday","event_time":"2026-11-26T10:30:00Z"}
                """;

        assertThatExceptionOfType(InvalidFraudAlertException.class)
                .isThrownBy(() -> codec.decode(utf8(json)))
                .withMessageContaining("detected_at");
    }

    @Test
    void decodingRejectsWhatIsNotAJsonObject() {
        assertThatExceptionOfType(InvalidFraudAlertException.class).isThrownBy(() -> codec.decode(utf8("[1,2]")));
        assertThatExceptionOfType(InvalidFraudAlertException.class).isThrownBy(() -> codec.decode(utf8("{oops")));
        assertThatExceptionOfType(InvalidFraudAlertException.class).isThrownBy(() -> codec.decode(null));
    }
}
