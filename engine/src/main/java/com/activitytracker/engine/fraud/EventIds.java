package com.activitytracker.engine.fraud;

import java.util.UUID;

/**
 * Event ids kept in windows as two {@code long}s instead of a string when they are UUIDs in their
 * canonical form (36 characters, lowercase hex, hyphens at 8, 13, 18 and 23), as the producer writes
 * them: 16 bytes in a primitive array instead of an 80-byte string per remembered event, and no
 * reference from a long-lived window to the young string, which G1's refinement threads would
 * otherwise have to scan each event. Only ids that turn back into exactly the same string are packed;
 * any other id is kept as it came.
 */
final class EventIds {
    private static final int LENGTH = 36;

    private EventIds() {}

    /** Whether {@code id} packs into two longs and unpacks to the same string. */
    static boolean packable(String id) {
        if (id.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = id.charAt(i);
            boolean ok = i == 8 || i == 13 || i == 18 || i == 23 ? c == '-' : hex(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The first 16 hex digits of a {@link #packable} id. */
    static long high(String id) {
        return digits(id, 0, 8) << 32 | digits(id, 9, 4) << 16 | digits(id, 14, 4);
    }

    /** The last 16 hex digits of a {@link #packable} id. */
    static long low(String id) {
        return digits(id, 19, 4) << 48 | digits(id, 24, 12);
    }

    static String unpack(long high, long low) {
        return new UUID(high, low).toString();
    }

    private static long digits(String id, int from, int count) {
        long value = 0;
        for (int i = from; i < from + count; i++) {
            value = value << 4 | hex(id.charAt(i));
        }
        return value;
    }

    /** Lowercase hex digits only: an uppercase one would not come back the same. */
    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    }
}
