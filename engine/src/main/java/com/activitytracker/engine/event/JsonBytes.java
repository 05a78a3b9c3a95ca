package com.activitytracker.engine.event;

import java.util.Arrays;

/**
 * A growable UTF-8 buffer that writes the few JSON pieces an event is made of — object punctuation,
 * field names, escaped strings, numbers — as Jackson's generator writes them, without a generator,
 * an output stream or an intermediate copy per event. Reused by one thread at a time.
 */
final class JsonBytes {
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private byte[] buf = new byte[1024];
    private int len;
    private boolean first;

    void reset() {
        len = 0;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    void startObject() {
        ensure(1);
        buf[len++] = '{';
        first = true;
    }

    void endObject() {
        ensure(1);
        buf[len++] = '}';
        first = false;
    }

    /** {@code "name":} after a comma unless it is the object's first; the name is plain ASCII. */
    void name(byte[] quotedNameColon) {
        ensure(quotedNameColon.length + 1);
        if (!first) {
            buf[len++] = ',';
        }
        first = false;
        System.arraycopy(quotedNameColon, 0, buf, len, quotedNameColon.length);
        len += quotedNameColon.length;
    }

    /** The bytes of {@code "name":}, for {@link #name}. */
    static byte[] fieldName(String name) {
        return ('"' + name + "\":").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** A JSON string: quote, backslash and control characters escaped, the rest as UTF-8. */
    void string(String s) {
        int n = s.length();
        ensure(n * 3 + 2); // UTF-8 takes at most 3 bytes per char; escapes are handled below
        buf[len++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\') {
                    buf[len++] = (byte) c;
                } else {
                    escape(c, n - i);
                }
            } else if (c < 0x800) {
                buf[len++] = (byte) (0xC0 | (c >> 6));
                buf[len++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                int cp = Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))
                        ? Character.toCodePoint(c, s.charAt(++i))
                        : 0xFFFD; // a lone half cannot be UTF-8
                if (cp == 0xFFFD) {
                    threeBytes(cp);
                } else {
                    buf[len++] = (byte) (0xF0 | (cp >> 18));
                    buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    buf[len++] = (byte) (0x80 | (cp & 0x3F));
                }
            } else {
                threeBytes(c);
            }
        }
        ensure(1);
        buf[len++] = '"';
    }

    /** A double as Jackson writes it: {@link Double#toString}, and a quoted name for NaN and the infinities. */
    void number(double d) {
        String text = Double.toString(d);
        if (Double.isFinite(d)) {
            ascii(text);
        } else {
            string(text);
        }
    }

    /** Bytes that are already JSON, as they are. */
    void raw(byte[] json) {
        ensure(json.length);
        System.arraycopy(json, 0, buf, len, json.length);
        len += json.length;
    }

    /** Text known to be plain ASCII with nothing to escape (timestamps, numbers). */
    void asciiString(String s) {
        ensure(s.length() + 2);
        buf[len++] = '"';
        ascii(s);
        buf[len++] = '"';
    }

    private void ascii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[len++] = (byte) s.charAt(i);
        }
    }

    private void threeBytes(int c) {
        buf[len++] = (byte) (0xE0 | (c >> 12));
        buf[len++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        buf[len++] = (byte) (0x80 | (c & 0x3F));
    }

    private void escape(char c, int charsLeft) {
        ensure(6 + charsLeft * 3 + 1); // room for this escape and the rest of the string at worst
        buf[len++] = '\\';
        switch (c) {
            case '"' -> buf[len++] = '"';
            case '\\' -> buf[len++] = '\\';
            case '\n' -> buf[len++] = 'n';
            case '\r' -> buf[len++] = 'r';
            case '\t' -> buf[len++] = 't';
            case '\b' -> buf[len++] = 'b';
            case '\f' -> buf[len++] = 'f';
            default -> {
                buf[len++] = 'u';
                buf[len++] = '0';
                buf[len++] = '0';
                buf[len++] = HEX[c >> 4];
                buf[len++] = HEX[c & 0xF];
            }
        }
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }
}
