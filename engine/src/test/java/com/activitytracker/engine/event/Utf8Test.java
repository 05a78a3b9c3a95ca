package com.activitytracker.engine.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class Utf8Test {
    /** Pieces a record's bytes are made of: ASCII, valid multi-byte forms, and the forms the rule refuses. */
    private static final byte[][] PIECES = {
        bytes(0x61),
        bytes(0x7B),
        bytes(0x22),
        bytes(0x20),
        bytes(0x7F),
        bytes(0xC3, 0xA9), // é
        bytes(0xE2, 0x82, 0xAC), // €
        bytes(0xF0, 0x9F, 0x98, 0x80), // an emoji
        bytes(0x00), // NUL
        bytes(0x80), // a lone continuation byte
        bytes(0xC0, 0xAF), // overlong
        bytes(0xE0, 0x80, 0xAF), // overlong
        bytes(0xED, 0xA0, 0x80), // a surrogate
        bytes(0xF4, 0x90, 0x80, 0x80), // above U+10FFFF
        bytes(0xC3), // cut short
        bytes(0xFF),
    };

    @Test
    void asciiOfEveryLengthIsValid() {
        for (int n = 0; n < 40; n++) {
            assertThat(Utf8.firstInvalid("a".repeat(n).getBytes(StandardCharsets.US_ASCII)))
                    .isEqualTo(-1);
        }
    }

    @Test
    void findsAnOffendingByteAtEveryPositionOfAnEightByteWord() {
        for (int n = 1; n < 40; n++) {
            for (int at = 0; at < n; at++) {
                for (int bad : new int[] {0x00, 0x80, 0xFF}) {
                    byte[] b = "x".repeat(n).getBytes(StandardCharsets.US_ASCII);
                    b[at] = (byte) bad;
                    assertThat(Utf8.firstInvalid(b))
                            .as("length %d, 0x%02x at %d", n, bad, at)
                            .isEqualTo(at);
                }
            }
        }
    }

    @Test
    void agreesWithTheJdksStrictDecoderOnRandomMixesAndRefusesNul() {
        Random random = new Random(20261207);
        for (int round = 0; round < 20_000; round++) {
            ByteBuffer mix = ByteBuffer.allocate(256);
            int pieces = random.nextInt(40);
            for (int i = 0; i < pieces; i++) {
                // mostly ASCII, as records are, so that long ASCII runs sit next to everything else
                byte[] piece =
                        random.nextInt(4) > 0 ? PIECES[random.nextInt(5)] : PIECES[random.nextInt(PIECES.length)];
                mix.put(piece);
            }
            byte[] b = new byte[mix.position()];
            mix.flip().get(b);

            assertThat(Utf8.firstInvalid(b))
                    .as("%s", java.util.HexFormat.of().formatHex(b))
                    .isEqualTo(expected(b));
        }
    }

    /** The first NUL or the first byte the JDK's reporting decoder refuses, whichever comes first. */
    private static int expected(byte[] b) {
        int nul = -1;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                nul = i;
                break;
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b);
        CoderResult result = decoder.decode(in, CharBuffer.allocate(b.length * 2), true);
        int malformed = result.isError() ? in.position() : -1;
        if (nul < 0) {
            return malformed;
        }
        return malformed < 0 ? nul : Math.min(nul, malformed);
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
