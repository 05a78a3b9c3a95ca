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

    /**
     * Packs {@code id} into {@code into[at]} (its first 16 hex digits) and {@code into[at + 1]} (the
     * last 16) if it unpacks to the same string, in one pass over its characters.
     *
     * @return false, leaving {@code into} as it was, for an id that does not pack
     */
    static boolean pack(String id, long[] into, int at) {
        if (id == null || id.length() != LENGTH) {
            return false;
        }
        long high = 0;
        long low = 0;
        for (int i = 0; i < LENGTH; i++) {
            char c = id.charAt(i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return false;
                }
                continue;
            }
            int digit = hex(c);
            if (digit < 0) {
                return false;
            }
            if (i < 18) {
                high = high << 4 | digit;
            } else {
                low = low << 4 | digit;
            }
        }
        into[at] = high;
        into[at + 1] = low;
        return true;
    }

    static String unpack(long high, long low) {
        return new UUID(high, low).toString();
    }

    /** Lowercase hex digits only: an uppercase one would not come back the same. */
    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    }
}
