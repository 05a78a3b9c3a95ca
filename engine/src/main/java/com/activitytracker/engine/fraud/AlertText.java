package com.activitytracker.engine.fraud;

import java.time.Duration;
import java.util.Locale;

/** The wording alerts share, so every rule phrases times and amounts alike. */
final class AlertText {
    private AlertText() {}

    /** "60 seconds", "10 minutes": minutes once they read better than seconds. */
    static String span(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds == 0) {
            return "less than a second"; // a bot's two countries can be milliseconds apart
        }
        if (seconds >= 120 && seconds % 60 == 0) {
            return seconds / 60 + " minutes";
        }
        return seconds == 1 ? "1 second" : seconds + " seconds";
    }

    /** Amounts with grouping and two decimals in every locale: "5,000.00". */
    static String amount(double amount) {
        return String.format(Locale.ROOT, "%,.2f", amount);
    }
}
