package com.activitytracker.engine.event;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Parses the contract's {@code timestamp}: any ISO-8601 date-time with an offset. The form the
 * producer writes ({@code 2026-11-26T10:30:45.123Z}, or without the fraction) is read by hand, which
 * costs a tenth of the general formatter, and the last text read is remembered, since a producer
 * stamps a whole batch of events with one instant. Anything else goes to {@link DateTimeFormatter}.
 * Thread-safe: the remembered entry is replaced whole.
 */
final class TimestampParser {
    private volatile Parsed last = new Parsed("1970-01-01T00:00:00Z", Instant.EPOCH);

    private record Parsed(String text, Instant instant) {}

    Instant parse(String text) throws InvalidEventException {
        Parsed l = last;
        if (l.text.equals(text)) {
            return l.instant;
        }
        Instant instant = parseUncached(text);
        last = new Parsed(text, instant);
        return instant;
    }

    private static Instant parseUncached(String text) throws InvalidEventException {
        try {
            Instant fast = utcMillis(text);
            return fast != null
                    ? fast
                    : OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                            .toInstant();
        } catch (DateTimeException e) {
            throw new InvalidEventException(
                    "unparsable 'timestamp' \"" + abbreviate(text) + "\" (ISO-8601 instant expected)");
        }
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss[.SSS]Z} read by position; null when the text has another shape.
     * Field ranges are checked by {@link LocalDateTime#of}, strictly, as the formatter's STRICT resolver does.
     */
    private static Instant utcMillis(String s) {
        int n = s.length();
        if ((n != 20 && n != 24)
                || s.charAt(n - 1) != 'Z'
                || s.charAt(4) != '-'
                || s.charAt(7) != '-'
                || s.charAt(10) != 'T'
                || s.charAt(13) != ':'
                || s.charAt(16) != ':'
                || (n == 24 && s.charAt(19) != '.')) {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        int millis = n == 24 ? digits(s, 20, 3) : 0;
        if ((year | month | day | hour | minute | second | millis) < 0) {
            return null;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second, millis * 1_000_000)
                .toInstant(ZoneOffset.UTC);
    }

    /** The decimal number in {@code s[from, from + count)}, or -1 when a character there is not an ASCII digit. */
    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
