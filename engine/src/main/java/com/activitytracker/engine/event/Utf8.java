package com.activitytracker.engine.event;

/**
 * Strict UTF-8 check of a record's bytes in place (RFC 3629: no overlong forms, no surrogates,
 * nothing above U+10FFFF), the same rule as the JDK's reporting decoder but without decoding into
 * chars. It also refuses NUL bytes: JSON allows none outside escapes, and without them Jackson's
 * encoding detection can never take the bytes for UTF-16 or UTF-32.
 */
final class Utf8 {
    private Utf8() {}

    /** @return the offset of the first byte that breaks the rule, or -1 when all is well */
    static int firstInvalid(byte[] b) {
        int i = 0;
        int n = b.length;
        while (i < n) {
            int c = b[i];
            if (c > 0) { // ASCII, the common case
                i++;
                continue;
            }
            if (c == 0) {
                return i;
            }
            c &= 0xFF;
            int start = i;
            if (c >= 0xC2 && c <= 0xDF) {
                if (!continuation(b, i + 1, n)) {
                    return start;
                }
                i += 2;
            } else if (c >= 0xE0 && c <= 0xEF) {
                if (i + 2 >= n) {
                    return start;
                }
                int c1 = b[i + 1] & 0xFF;
                boolean ok = c == 0xE0
                        ? c1 >= 0xA0 && c1 <= 0xBF // no overlong form
                        : c == 0xED
                                ? c1 >= 0x80 && c1 <= 0x9F // no surrogates
                                : c1 >= 0x80 && c1 <= 0xBF;
                if (!ok || !continuation(b, i + 2, n)) {
                    return start;
                }
                i += 3;
            } else if (c >= 0xF0 && c <= 0xF4) {
                if (i + 3 >= n) {
                    return start;
                }
                int c1 = b[i + 1] & 0xFF;
                boolean ok = c == 0xF0
                        ? c1 >= 0x90 && c1 <= 0xBF // no overlong form
                        : c == 0xF4
                                ? c1 >= 0x80 && c1 <= 0x8F // nothing above U+10FFFF
                                : c1 >= 0x80 && c1 <= 0xBF;
                if (!ok || !continuation(b, i + 2, n) || !continuation(b, i + 3, n)) {
                    return start;
                }
                i += 4;
            } else {
                return start;
            }
        }
        return -1;
    }

    private static boolean continuation(byte[] b, int i, int n) {
        return i < n && (b[i] & 0xC0) == 0x80;
    }
}
