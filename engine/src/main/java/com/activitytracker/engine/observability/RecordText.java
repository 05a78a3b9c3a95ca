package com.activitytracker.engine.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A record as text for a terminal: where it sits (topic, partition, offset, time), its key and
 * headers, and its value as indented JSON, or, when it is not JSON, its bytes shown safely: control
 * characters, terminal escape sequences and invalid UTF-8 appear as escapes, never raw.
 */
public final class RecordText {
    /** Values longer than this are cut in the text view; the bytes themselves are untouched. */
    public static final int SHOW_BYTES = 4096;

    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public String render(ConsumerRecord<byte[], byte[]> record) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "── %s  partition %d  offset %d  %s%n",
                record.topic(),
                record.partition(),
                record.offset(),
                Instant.ofEpochMilli(record.timestamp())));
        out.append("key: ")
                .append(record.key() == null ? "(none)" : safe(record.key(), SHOW_BYTES))
                .append(System.lineSeparator());
        for (Header h : record.headers()) {
            out.append("header ")
                    .append(safe(h.key().getBytes(StandardCharsets.UTF_8), 256))
                    .append(": ")
                    .append(h.value() == null ? "(null)" : safe(h.value(), SHOW_BYTES))
                    .append(System.lineSeparator());
        }
        out.append(value(record.value()));
        return out.toString();
    }

    /** Indented JSON when the value is JSON, else its bytes shown safely with their size. */
    public String value(byte[] value) {
        if (value == null) {
            return "(null value: a tombstone)";
        }
        return prettyJson(value)
                .orElseGet(() -> "value (" + value.length + " bytes, not JSON): " + safe(value, SHOW_BYTES));
    }

    public Optional<String> prettyJson(byte[] value) {
        if (value.length > SHOW_BYTES * 16 || !validUtf8(value)) {
            return Optional.empty();
        }
        try {
            JsonNode node = mapper.readTree(value);
            if (node == null || node.isMissingNode()) {
                return Optional.empty();
            }
            // the pretty text goes through the same escaping, so a JSON string cannot smuggle a terminal escape
            return Optional.of(safeText(mapper.writeValueAsString(node), true));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The bytes as text when they are UTF-8, with anything a terminal could act on escaped; {@code \xNN} otherwise. */
    public static String safe(byte[] bytes, int limit) {
        int shown = Math.min(bytes.length, limit);
        String suffix = bytes.length > shown ? "… (" + (bytes.length - shown) + " more bytes)" : "";
        byte[] head = shown == bytes.length ? bytes : Arrays.copyOf(bytes, shown);
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer text = decoder.decode(ByteBuffer.wrap(head));
            return safeText(text.toString(), false) + suffix;
        } catch (CharacterCodingException e) {
            StringBuilder out = new StringBuilder();
            for (byte b : head) {
                int c = b & 0xff;
                if (c >= 0x20 && c < 0x7f && c != '\\') {
                    out.append((char) c);
                } else {
                    out.append(String.format(Locale.ROOT, "\\x%02x", c));
                }
            }
            return out + suffix;
        }
    }

    private static boolean validUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Escapes C0/C1 controls (ESC above all) and the bidirectional overrides that reorder what a terminal shows. */
    private static String safeText(String text, boolean keepNewlines) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (keepNewlines && cp == '\n') {
                out.append('\n');
            } else if (cp < 0x20
                    || cp == 0x7f
                    || (cp >= 0x80 && cp < 0xa0)
                    || (cp >= 0x202a && cp <= 0x202e)
                    || (cp >= 0x2066 && cp <= 0x2069)) {
                out.append(String.format(Locale.ROOT, "\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
