package com.activitytracker.engine.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class FraudAlertTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:31:00Z");

    private static FraudAlert alertWith(List<String> evidence, Map<String, Object> details) {
        return new FraudAlert("id", "HIGH_VELOCITY", Severity.HIGH, "u1", NOW, NOW, "d", evidence, details);
    }

    @Test
    void alertIdIsAUuidThatDependsOnlyOnThePattern() {
        String id = FraudAlert.alertIdFor("HIGH_VELOCITY", "u1", "evt-9");

        assertThat(UUID.fromString(id)).hasToString(id);
        assertThat(FraudAlert.alertIdFor("HIGH_VELOCITY", "u1", "evt-9")).isEqualTo(id);
        assertThat(FraudAlert.alertIdFor("CARD_TESTING", "u1", "evt-9")).isNotEqualTo(id);
        assertThat(FraudAlert.alertIdFor("HIGH_VELOCITY", "u2", "evt-9")).isNotEqualTo(id);
        assertThat(FraudAlert.alertIdFor("HIGH_VELOCITY", "u1", "evt-8")).isNotEqualTo(id);
    }

    @Test
    void alertIdKeepsUserAndEventApartWhateverTheyContain() {
        assertThat(FraudAlert.alertIdFor("HIGH_VELOCITY", "a\nb", "c"))
                .isNotEqualTo(FraudAlert.alertIdFor("HIGH_VELOCITY", "a", "b\nc"));
    }

    @Test
    void detailNumbersAreNormalisedSoEqualAlertsAreEqual() {
        FraudAlert withInts = alertWith(List.of(), Map.of("count", 42, "ratio", 1.5f));
        FraudAlert withLongs = alertWith(List.of(), Map.of("count", 42L, "ratio", 1.5));

        assertThat(withInts).isEqualTo(withLongs);
        assertThat(withInts.details()).containsEntry("count", 42L);
    }

    @Test
    void alertKeepsItsOwnCopyOfEvidenceAndDetails() {
        List<String> evidence = new ArrayList<>(List.of("e1"));
        Map<String, Object> details = new HashMap<>(Map.of("count", 1));
        FraudAlert alert = alertWith(evidence, details);

        evidence.add("e2");
        details.put("count", 2);

        assertThat(alert.evidenceEventIds()).containsExactly("e1");
        assertThat(alert.details()).containsEntry("count", 1L);
        assertThatThrownBy(() -> alert.details().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void alertRejectsAMissingField() {
        assertThatNullPointerException()
                .isThrownBy(
                        () -> new FraudAlert("id", "HIGH_VELOCITY", null, "u1", NOW, NOW, "d", List.of(), Map.of()));
    }
}
