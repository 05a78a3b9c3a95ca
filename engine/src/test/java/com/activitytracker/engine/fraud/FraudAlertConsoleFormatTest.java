package com.activitytracker.engine.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("unit")
class FraudAlertConsoleFormatTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:31:00Z");

    private static FraudAlert alert(Severity severity, String userId, String description) {
        return new FraudAlert("id", "HIGH_VELOCITY", severity, userId, NOW, NOW, description, List.of(), Map.of());
    }

    @Test
    void plainFormatLooksLikeTheSeed() {
        String text = FraudAlertConsoleFormat.plain()
                .format(alert(Severity.HIGH, "user-1234", "User has 8 events in the last minute"));

        assertThat(text).isEqualTo("""
                🔴 FRAUD ALERT [HIGH_VELOCITY] - HIGH SEVERITY
                   User ID: user-1234
                   User has 8 events in the last minute""");
    }

    @ParameterizedTest
    @CsvSource({"CRITICAL, 31", "HIGH, 31", "MEDIUM, 33", "LOW, 34"})
    void colourFormatColoursTheHeaderBySeverity(Severity severity, int ansiColour) {
        String text = FraudAlertConsoleFormat.ansiColour().format(alert(severity, "u1", "d"));

        assertThat(text.lines().findFirst())
                .hasValue("\u001B[1;" + ansiColour + "m🔴 FRAUD ALERT [HIGH_VELOCITY] - " + severity
                        + " SEVERITY\u001B[0m");
        assertThat(text).endsWith("   User ID: u1\n   d");
    }

    @Test
    void controlCharactersFromTheAlertCannotReachTheTerminal() {
        String text = FraudAlertConsoleFormat.plain().format(alert(Severity.LOW, "u1\u001B[2J", "line\nbreak"));

        assertThat(text).doesNotContain("\u001B").contains("User ID: u1?[2J").endsWith("   line?break");
    }
}
