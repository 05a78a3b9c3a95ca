package com.activitytracker.engine.fraud;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every {@code FRAUD_*} setting of docs/CONTRACTS.md, validated. Immutable: a change (from the settings
 * or the GUI) is a new instance handed to {@link FraudDetector#updateThresholds}.
 *
 * @param velocityMaxEvents {@code FRAUD_VELOCITY_MAX_EVENTS}: events within the window that raise HIGH_VELOCITY
 * @param velocityWindow    {@code FRAUD_VELOCITY_WINDOW_SECONDS}
 * @param highValueAmount   {@code FRAUD_HIGH_VALUE_AMOUNT}: a purchase of at least this raises HIGH_VALUE_PURCHASE
 * @param cardTestCount     {@code FRAUD_CARD_TEST_COUNT}: small purchases within the window that raise CARD_TESTING
 * @param cardTestMaxAmount {@code FRAUD_CARD_TEST_MAX_AMOUNT}: a purchase below this is small
 * @param cardTestWindow    {@code FRAUD_CARD_TEST_WINDOW_SECONDS}
 * @param atoFailedLogins   {@code FRAUD_ATO_FAILED_LOGINS}: failed logins before a login that raise ACCOUNT_TAKEOVER
 * @param atoWindow         {@code FRAUD_ATO_WINDOW_SECONDS}
 * @param travelWindow      {@code FRAUD_TRAVEL_WINDOW_SECONDS}: two countries within it raise IMPOSSIBLE_TRAVEL
 */
public record FraudThresholds(
        int velocityMaxEvents,
        Duration velocityWindow,
        double highValueAmount,
        int cardTestCount,
        double cardTestMaxAmount,
        Duration cardTestWindow,
        int atoFailedLogins,
        Duration atoWindow,
        Duration travelWindow) {

    public static final String VELOCITY_MAX_EVENTS = "FRAUD_VELOCITY_MAX_EVENTS";
    public static final String VELOCITY_WINDOW_SECONDS = "FRAUD_VELOCITY_WINDOW_SECONDS";
    public static final String HIGH_VALUE_AMOUNT = "FRAUD_HIGH_VALUE_AMOUNT";
    public static final String CARD_TEST_COUNT = "FRAUD_CARD_TEST_COUNT";
    public static final String CARD_TEST_MAX_AMOUNT = "FRAUD_CARD_TEST_MAX_AMOUNT";
    public static final String CARD_TEST_WINDOW_SECONDS = "FRAUD_CARD_TEST_WINDOW_SECONDS";
    public static final String ATO_FAILED_LOGINS = "FRAUD_ATO_FAILED_LOGINS";
    public static final String ATO_WINDOW_SECONDS = "FRAUD_ATO_WINDOW_SECONDS";
    public static final String TRAVEL_WINDOW_SECONDS = "FRAUD_TRAVEL_WINDOW_SECONDS";

    /**
     * A purchase of this many times {@code highValueAmount} is HIGH rather than MEDIUM: 20,000 at the
     * default 5,000 as docs/CONTRACTS.md says. A factor rather than a fixed 20,000 keeps the two tiers in
     * order when the setting moves (at 50,000 every alert would otherwise be HIGH).
     */
    public static final double HIGH_SEVERITY_FACTOR = 4.0;

    /**
     * Longest window accepted. Per-user state lives for the longest window, so an unbounded one
     * would let memory grow without limit; a week is far beyond any pattern the rules look for.
     */
    public static final Duration MAX_WINDOW = Duration.ofDays(7);

    public FraudThresholds {
        requirePositive(velocityMaxEvents, VELOCITY_MAX_EVENTS);
        requireWindow(velocityWindow, VELOCITY_WINDOW_SECONDS);
        requirePositive(highValueAmount, HIGH_VALUE_AMOUNT);
        requirePositive(cardTestCount, CARD_TEST_COUNT);
        requirePositive(cardTestMaxAmount, CARD_TEST_MAX_AMOUNT);
        requireWindow(cardTestWindow, CARD_TEST_WINDOW_SECONDS);
        requirePositive(atoFailedLogins, ATO_FAILED_LOGINS);
        requireWindow(atoWindow, ATO_WINDOW_SECONDS);
        requireWindow(travelWindow, TRAVEL_WINDOW_SECONDS);
    }

    /** The defaults of docs/CONTRACTS.md. */
    public static FraudThresholds defaults() {
        return new FraudThresholds(
                30,
                Duration.ofSeconds(60),
                5000.0,
                5,
                5.00,
                Duration.ofSeconds(600),
                5,
                Duration.ofSeconds(900),
                Duration.ofSeconds(3600));
    }

    /** Amount from which a high-value purchase is HIGH severity. */
    public double highValueHighSeverityAmount() {
        return highValueAmount * HIGH_SEVERITY_FACTOR;
    }

    /** How long a user's state has to be kept after their last event for every rule to stay exact. */
    public Duration longestWindow() {
        return Stream.of(velocityWindow, cardTestWindow, atoWindow, travelWindow)
                .max(Duration::compareTo)
                .orElseThrow();
    }

    /** These thresholds as their settings, name to value, in the order of the record's components. */
    public Map<String, String> asSettings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put(VELOCITY_MAX_EVENTS, Integer.toString(velocityMaxEvents));
        s.put(VELOCITY_WINDOW_SECONDS, Long.toString(velocityWindow.toSeconds()));
        s.put(HIGH_VALUE_AMOUNT, amount(highValueAmount));
        s.put(CARD_TEST_COUNT, Integer.toString(cardTestCount));
        s.put(CARD_TEST_MAX_AMOUNT, amount(cardTestMaxAmount));
        s.put(CARD_TEST_WINDOW_SECONDS, Long.toString(cardTestWindow.toSeconds()));
        s.put(ATO_FAILED_LOGINS, Integer.toString(atoFailedLogins));
        s.put(ATO_WINDOW_SECONDS, Long.toString(atoWindow.toSeconds()));
        s.put(TRAVEL_WINDOW_SECONDS, Long.toString(travelWindow.toSeconds()));
        return Collections.unmodifiableMap(s);
    }

    /** 5000.0 as "5000", 4.99 as "4.99": how a person writes the setting. */
    private static String amount(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    public FraudThresholds withVelocityMaxEvents(int v) {
        return new FraudThresholds(
                v,
                velocityWindow,
                highValueAmount,
                cardTestCount,
                cardTestMaxAmount,
                cardTestWindow,
                atoFailedLogins,
                atoWindow,
                travelWindow);
    }

    public FraudThresholds withVelocityWindow(Duration v) {
        return new FraudThresholds(
                velocityMaxEvents,
                v,
                highValueAmount,
                cardTestCount,
                cardTestMaxAmount,
                cardTestWindow,
                atoFailedLogins,
                atoWindow,
                travelWindow);
    }

    public FraudThresholds withHighValueAmount(double v) {
        return new FraudThresholds(
                velocityMaxEvents,
                velocityWindow,
                v,
                cardTestCount,
                cardTestMaxAmount,
                cardTestWindow,
                atoFailedLogins,
                atoWindow,
                travelWindow);
    }

    public FraudThresholds withCardTestCount(int v) {
        return new FraudThresholds(
                velocityMaxEvents,
                velocityWindow,
                highValueAmount,
                v,
                cardTestMaxAmount,
                cardTestWindow,
                atoFailedLogins,
                atoWindow,
                travelWindow);
    }

    public FraudThresholds withCardTestMaxAmount(double v) {
        return new FraudThresholds(
                velocityMaxEvents,
                velocityWindow,
                highValueAmount,
                cardTestCount,
                v,
                cardTestWindow,
                atoFailedLogins,
                atoWindow,
                travelWindow);
    }

    public FraudThresholds withCardTestWindow(Duration v) {
        return new FraudThresholds(
                velocityMaxEvents,
                velocityWindow,
                highValueAmount,
                cardTestCount,
                cardTestMaxAmount,
                v,
                atoFailedLogins,
                atoWindow,
                travelWindow);
    }

    public FraudThresholds withAtoFailedLogins(int v) {
        return new FraudThresholds(
                velocityMaxEvents,
                velocityWindow,
                highValueAmount,
                cardTestCount,
                cardTestMaxAmount,
                cardTestWindow,
                v,
                atoWindow,
                travelWindow);
    }

    public FraudThresholds withAtoWindow(Duration v) {
        return new FraudThresholds(
                velocityMaxEvents,
                velocityWindow,
                highValueAmount,
                cardTestCount,
                cardTestMaxAmount,
                cardTestWindow,
                atoFailedLogins,
                v,
                travelWindow);
    }

    public FraudThresholds withTravelWindow(Duration v) {
        return new FraudThresholds(
                velocityMaxEvents,
                velocityWindow,
                highValueAmount,
                cardTestCount,
                cardTestMaxAmount,
                cardTestWindow,
                atoFailedLogins,
                atoWindow,
                v);
    }

    private static void requirePositive(int value, String setting) {
        if (value <= 0) {
            throw new IllegalArgumentException(setting + " must be a positive integer (was " + value + ")");
        }
    }

    private static void requirePositive(double value, String setting) {
        if (!(value > 0) || Double.isInfinite(value)) { // the negation also rejects NaN
            throw new IllegalArgumentException(setting + " must be a positive number (was " + value + ")");
        }
    }

    private static void requireWindow(Duration window, String setting) {
        if (window == null) {
            throw new IllegalArgumentException(setting + " must be set");
        }
        if (window.isNegative() || window.isZero() || window.getNano() != 0 || window.compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException(setting + " must be a whole number of seconds between 1 and "
                    + MAX_WINDOW.toSeconds() + " (was " + describe(window) + ")");
        }
    }

    private static String describe(Duration window) {
        return window.getNano() == 0 ? window.toSeconds() + "" : window.toString();
    }
}
