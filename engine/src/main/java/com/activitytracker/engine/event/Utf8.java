package com.activitytracker.engine.event;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Strict UTF-8 check of a record's bytes in place (RFC 3629: no overlong forms, no surrogates,
 * nothing above U+10FFFF), the same rule as the JDK's reporting decoder but without decoding into
 * chars. It also refuses NUL bytes: JSON allows none outside escapes, and without them Jackson's
 * encoding detection can never take the bytes for UTF-16 or UTF-32.
 */
final class Utf8 {
    /** Eight bytes at a time, in the machine's order; which byte is which does not matter here. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LOW_BITS = 0x0101010101010101L;

    private Utf8() {}

    /** @return the offset of the first byte that breaks the rule, or -1 when all is well */
    static int firstInvalid(byte[] b) {
        int i = 0;
        int n = b.length;
        while (i < n) {
            // the common case, eight ASCII bytes none of them NUL: one test instead of eight
            if (i + Long.BYTES <= n && plainAscii((long) LONGS.get(b, i))) {
                i += Long.BYTES;
                continue;
            }
            int c = b[i];
            if (c > 0) {
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

    /** No byte with its high bit set and none zero (the zero test is exact once no high bit is set). */
    private static boolean plainAscii(long word) {
        return (word & HIGH_BITS) == 0 && ((word - LOW_BITS) & ~word & HIGH_BITS) == 0;
    }

    private static boolean continuation(byte[] b, int i, int n) {
        return i < n && (b[i] & 0xC0) == 0x80;
    }
}
