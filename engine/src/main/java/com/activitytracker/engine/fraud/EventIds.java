package com.activitytracker.engine.fraud;

import java.util.Arrays;
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
    private static final byte[] DIGITS = digitTable();

    private EventIds() {}

    /**
     * Packs {@code id} into {@code into[at]} (its first 16 hex digits) and {@code into[at + 1]} (the
     * last 16) if it unpacks to the same string, in one pass over its characters.
     *
     * @return false, leaving {@code into} as it was, for an id that does not pack
     */
    static boolean pack(String id, long[] into, int at) {
        if (id == null
                || id.length() != LENGTH
                || id.charAt(8) != '-'
                || id.charAt(13) != '-'
                || id.charAt(18) != '-'
                || id.charAt(23) != '-') {
            return false;
        }
        // digit() is -1 for anything but a lowercase hex digit: OR-ing them all shows any such at the end,
        // without a branch per character (this runs for every event, in several rules' windows)
        int digits = 0;
        long high = 0;
        for (int i = 0; i < 18; i++) {
            if (i != 8 && i != 13) {
                int d = digit(id.charAt(i));
                digits |= d;
                high = high << 4 | d;
            }
        }
        long low = 0;
        for (int i = 19; i < LENGTH; i++) {
            if (i != 23) {
                int d = digit(id.charAt(i));
                digits |= d;
                low = low << 4 | d;
            }
        }
        if (digits < 0) {
            return false;
        }
        into[at] = high;
        into[at + 1] = low;
        return true;
    }

    static String unpack(long high, long low) {
        return new UUID(high, low).toString();
    }

    /** Lowercase hex digits only: an uppercase one would not come back the same. */
    private static int digit(char c) {
        return c < DIGITS.length ? DIGITS[c] : -1;
    }

    private static byte[] digitTable() {
        byte[] table = new byte[128];
        Arrays.fill(table, (byte) -1);
        for (int d = 0; d < 16; d++) {
            table["0123456789abcdef".charAt(d)] = (byte) d;
        }
        return table;
    }
}
