package com.activitytracker.app.model;

import java.util.Locale;

/**
 * The event-rate control's scale: a slider position from 0 to 1 maps logarithmically onto 1 to
 * 50,000 events per second, so that 10/s and 10,000/s are both a comfortable drag apart. Rates
 * picked with the slider are rounded to two significant digits; typed rates stay exact.
 */
public final class RateScale {
    public static final double MIN_RATE = 1;
    public static final double MAX_RATE = 50_000;

    private static final double LOG_MIN = Math.log10(MIN_RATE);
    private static final double LOG_SPAN = Math.log10(MAX_RATE) - LOG_MIN;

    private RateScale() {}

    /** Slider position (0 to 1) of a rate; rates outside the scale sit at its ends. */
    public static double positionOf(double rate) {
        if (!(rate > MIN_RATE)) {
            return 0;
        }
        if (rate >= MAX_RATE) {
            return 1;
        }
        return (Math.log10(rate) - LOG_MIN) / LOG_SPAN;
    }

    /** The rate at a slider position, rounded to two significant digits. */
    public static double rateAt(double position) {
        double p = Math.max(0, Math.min(1, position));
        return clamp(roundToTwoDigits(Math.pow(10, LOG_MIN + p * LOG_SPAN)));
    }

    static double roundToTwoDigits(double rate) {
        if (rate < 10) {
            return Math.round(rate);
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(rate)) - 1);
        return Math.round(rate / magnitude) * magnitude;
    }

    /**
     * Reads a typed rate: digits with optional grouping ({@code 12,500} or {@code 12 500}), a decimal
     * point, or a {@code k} suffix ({@code 2.5k}).
     *
     * @throws IllegalArgumentException with a message for the user when the text is not a rate on the scale
     */
    public static double parse(String text) {
        String t = text == null
                ? ""
                : text.strip()
                        .toLowerCase(Locale.ROOT)
                        .replace(",", "")
                        .replace("_", "")
                        .replace(" ", "")
                        .replace("/s", "");
        double factor = 1;
        if (t.endsWith("k")) {
            factor = 1_000;
            t = t.substring(0, t.length() - 1);
        }
        double rate;
        try {
            rate = Double.parseDouble(t) * factor;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(outOfRange());
        }
        if (!(rate >= MIN_RATE && rate <= MAX_RATE)) {
            throw new IllegalArgumentException(outOfRange());
        }
        return rate;
    }

    private static String outOfRange() {
        return "Enter a rate from 1 to 50,000 events per second";
    }

    private static double clamp(double rate) {
        return Math.max(MIN_RATE, Math.min(MAX_RATE, rate));
    }
}
