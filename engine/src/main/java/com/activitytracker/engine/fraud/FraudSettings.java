package com.activitytracker.engine.fraud;

import com.activitytracker.engine.config.SettingsException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** Reads the {@code FRAUD_*} settings into thresholds; a bad or unknown one fails with one line naming it. */
public final class FraudSettings {
    private static final Set<String> KNOWN = Set.of(
            FraudThresholds.VELOCITY_MAX_EVENTS,
            FraudThresholds.VELOCITY_WINDOW_SECONDS,
            FraudThresholds.HIGH_VALUE_AMOUNT,
            FraudThresholds.CARD_TEST_COUNT,
            FraudThresholds.CARD_TEST_MAX_AMOUNT,
            FraudThresholds.CARD_TEST_WINDOW_SECONDS,
            FraudThresholds.ATO_FAILED_LOGINS,
            FraudThresholds.ATO_WINDOW_SECONDS,
            FraudThresholds.TRAVEL_WINDOW_SECONDS);

    private FraudSettings() {}

    /** @param values settings by name; keys not starting with FRAUD_ are ignored */
    public static FraudThresholds thresholds(Map<String, String> values) {
        values.keySet().stream()
                .filter(k -> k.startsWith("FRAUD_") && !KNOWN.contains(k))
                .sorted()
                .findFirst()
                .ifPresent(k -> {
                    throw new SettingsException("unknown setting " + k + "; the fraud settings are "
                            + String.join(", ", KNOWN.stream().sorted().toList()));
                });
        FraudThresholds d = FraudThresholds.defaults();
        try {
            return new FraudThresholds(
                    integer(values, FraudThresholds.VELOCITY_MAX_EVENTS, d.velocityMaxEvents()),
                    seconds(values, FraudThresholds.VELOCITY_WINDOW_SECONDS, d.velocityWindow()),
                    number(values, FraudThresholds.HIGH_VALUE_AMOUNT, d.highValueAmount()),
                    integer(values, FraudThresholds.CARD_TEST_COUNT, d.cardTestCount()),
                    number(values, FraudThresholds.CARD_TEST_MAX_AMOUNT, d.cardTestMaxAmount()),
                    seconds(values, FraudThresholds.CARD_TEST_WINDOW_SECONDS, d.cardTestWindow()),
                    integer(values, FraudThresholds.ATO_FAILED_LOGINS, d.atoFailedLogins()),
                    seconds(values, FraudThresholds.ATO_WINDOW_SECONDS, d.atoWindow()),
                    seconds(values, FraudThresholds.TRAVEL_WINDOW_SECONDS, d.travelWindow()));
        } catch (IllegalArgumentException e) {
            throw new SettingsException(e.getMessage());
        }
    }

    private static int integer(Map<String, String> v, String key, int fallback) {
        String text = v.get(key);
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new SettingsException(key + " must be a positive whole number, got '" + text + "'");
        }
    }

    private static double number(Map<String, String> v, String key, double fallback) {
        String text = v.get(key);
        if (text == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new SettingsException(key + " must be a positive amount, got '" + text + "'");
        }
    }

    private static Duration seconds(Map<String, String> v, String key, Duration fallback) {
        String text = v.get(key);
        if (text == null) {
            return fallback;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            throw new SettingsException(key + " must be a whole number of seconds, got '" + text + "'");
        }
    }
}
