package com.activitytracker.app.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the console writes numbers, money, shares, latencies and times: one place, so tiles agree. */
public final class Formats {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private Formats() {}

    /** Whole numbers with thousands separators: {@code 1,234,567}. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A count of things, the thing's name in the singular for one: {@code 1 purchase}, {@code 1,234 purchases}. */
    public static String count(long n, String thing) {
        return count(n) + " " + (n == 1 ? thing : thing + "s");
    }

    /**
     * A count for a figure beside a bar, which has a few characters' room: whole up to 9,999, then
     * thousands and millions to three figures ({@code 14.7k}, {@code 147k}, {@code 1.47M}).
     */
    public static String shortCount(long n) {
        long size = Math.abs(n);
        if (size < 10_000) {
            return count(n);
        }
        if (size < 999_500) {
            return threeFigures(n / 1e3) + "k";
        }
        if (size < 999_500_000) {
            return threeFigures(n / 1e6) + "M";
        }
        return threeFigures(n / 1e9) + "B";
    }

    /** {@code 1.47}, {@code 14.7}, {@code 147}: as many decimals as leave three figures. */
    private static String threeFigures(double value) {
        double size = Math.abs(value);
        return String.format(Locale.ROOT, size < 9.995 ? "%.2f" : size < 99.95 ? "%.1f" : "%.0f", value);
    }

    /** Events per second: one decimal below 10, whole numbers above. */
    public static String rate(double perSecond) {
        if (!Double.isFinite(perSecond)) {
            return "max";
        }
        double r = Math.max(0, perSecond);
        return r < 10 && r != Math.rint(r)
                ? String.format(Locale.ROOT, "%.1f", r)
                : String.format(Locale.ROOT, "%,.0f", r);
    }

    /**
     * Dollars with cents, {@code $12,345.60}, up to a million; above, millions or billions with two decimals,
     * {@code $12.35M}, {@code $1.20B}: a demo at tens of thousands of events a second makes millions a minute,
     * and a headline tile must show its figure whole however narrow the window.
     */
    public static String money(double amount) {
        double size = Math.abs(amount);
        if (size >= 999_995_000) { // where millions would round to 1000.00M
            return String.format(Locale.ROOT, "$%,.2fB", amount / 1e9);
        }
        if (size >= 999_999.995) {
            return String.format(Locale.ROOT, "$%.2fM", amount / 1e6);
        }
        return String.format(Locale.ROOT, "$%,.2f", amount);
    }

    /**
     * A money axis's tick, in the unit of the axis's top ({@code top}): {@code $12,500}; {@code $0.5M},
     * {@code $2.5M}; {@code $1.25B}; cents only for ticks under a dollar apart. The labels stay as short as
     * the headline figure they stand beside, and one axis reads in one unit.
     */
    public static String moneyTick(double amount, double top) {
        if (amount == 0) {
            return "$0";
        }
        double scale = Math.max(Math.abs(amount), Math.abs(top));
        if (scale >= 1e9) {
            return "$" + trimmed(amount / 1e9) + "B";
        }
        if (scale >= 1e6) {
            return "$" + trimmed(amount / 1e6) + "M";
        }
        return String.format(Locale.ROOT, amount == Math.rint(amount) ? "$%,.0f" : "$%,.2f", amount);
    }

    private static String trimmed(double value) {
        return BigDecimal.valueOf(value)
                .setScale(2, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }

    /** A ratio (0 to 1) as a percentage with one decimal: {@code 12.5%}. */
    public static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * (Double.isFinite(ratio) ? ratio : 0));
    }

    /**
     * A share already in percent, precise enough to tell small ones apart: {@code 0.12%} below one
     * percent, {@code 4.5%} and {@code 62.0%} above; {@code 0%} for none.
     */
    public static String share(double percent) {
        if (!Double.isFinite(percent) || percent <= 0) {
            return "0%";
        }
        return String.format(Locale.ROOT, percent < 1 ? "%.2f%%" : "%.1f%%", percent);
    }

    /** Milliseconds, with one decimal below 10 ms and in seconds from one second up. */
    public static String millis(double ms) {
        if (!Double.isFinite(ms) || ms < 0) {
            return "–";
        }
        if (ms >= 1_000) {
            return String.format(Locale.ROOT, "%.2f s", ms / 1_000);
        }
        return ms < 10 ? String.format(Locale.ROOT, "%.1f ms", ms) : String.format(Locale.ROOT, "%.0f ms", ms);
    }

    /** A duration as {@link #millis}; a dash for none. */
    public static String duration(Duration d) {
        return d == null ? "–" : millis(d.toNanos() / 1e6);
    }

    /** Seconds with one decimal: {@code 0.4 s}. */
    public static String seconds(double s) {
        return String.format(Locale.ROOT, "%.1f s", Double.isFinite(s) ? Math.max(0, s) : 0);
    }

    /** Wall-clock time of day in the given zone: {@code 14:03:59}. */
    public static String time(Instant instant, ZoneId zone) {
        return CLOCK.format(instant.atZone(zone));
    }
}
