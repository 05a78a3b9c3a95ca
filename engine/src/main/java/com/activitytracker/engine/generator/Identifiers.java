package com.activitytracker.engine.generator;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Mints event, session and order ids from a seeded random. {@code UUID.randomUUID()} would draw
 * from SecureRandom, which is both slow on the producer's hot path and not reproducible.
 */
final class Identifiers {
    private static final String HEX = "0123456789abcdef";

    private final SplittableRandom random;

    Identifiers(SplittableRandom random) {
        this.random = random;
    }

    /** A version-4 UUID in its canonical 36-character form. */
    String eventId() {
        long high = (random.nextLong() & 0xffff_ffff_ffff_0fffL) | 0x0000_0000_0000_4000L;
        long low = (random.nextLong() & 0x3fff_ffff_ffff_ffffL) | 0x8000_0000_0000_0000L;
        byte[] text = new byte[36];
        writeHex(text, 0, high >>> 32, 8);
        text[8] = '-';
        writeHex(text, 9, high >>> 16, 4);
        text[13] = '-';
        writeHex(text, 14, high, 4);
        text[18] = '-';
        writeHex(text, 19, low >>> 48, 4);
        text[23] = '-';
        writeHex(text, 24, low, 12);
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    String sessionId() {
        return prefixedHex("sess-", random.nextLong(), 12);
    }

    String orderId() {
        return "ord-" + (1_000_000_000L + random.nextLong(9_000_000_000L));
    }

    private static String prefixedHex(String prefix, long bits, int digits) {
        byte[] text = new byte[prefix.length() + digits];
        for (int i = 0; i < prefix.length(); i++) {
            text[i] = (byte) prefix.charAt(i);
        }
        writeHex(text, prefix.length(), bits, digits);
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    /** Writes the lowest {@code digits} hex digits of {@code bits}, most significant first. */
    private static void writeHex(byte[] text, int offset, long bits, int digits) {
        for (int i = offset + digits - 1; i >= offset; i--) {
            text[i] = (byte) HEX.charAt((int) (bits & 0xf));
            bits >>>= 4;
        }
    }
}
