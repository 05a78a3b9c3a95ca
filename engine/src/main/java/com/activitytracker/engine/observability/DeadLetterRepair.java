package com.activitytracker.engine.observability;

import com.activitytracker.engine.event.ActivityEventCodec;
import com.activitytracker.engine.event.InvalidEventException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Decides whether a dead letter may go back to the activities topic: applies the corrections asked
 * for ({@code field=value}, dotted paths for nested fields such as {@code geo.country}), then
 * validates the result with the same codec the consumers use. Nothing invalid is ever sent back.
 */
public final class DeadLetterRepair {
    private final ActivityEventCodec codec;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, JsonNode> corrections = new LinkedHashMap<>();

    public DeadLetterRepair(ActivityEventCodec codec) {
        this.codec = Objects.requireNonNull(codec);
    }

    /** The outcome for one dead letter: the bytes to send when valid, or why it stays invalid. */
    public record Verdict(DeadLetter letter, byte[] value, String stillInvalid) {
        public boolean valid() {
            return stillInvalid == null;
        }
    }

    /**
     * Adds a correction. The value is read as JSON when it is JSON ({@code 12.5}, {@code true},
     * {@code {"country":"US"}}) and as a string otherwise ({@code USD}).
     *
     * @throws IllegalArgumentException when it is not {@code field=value}
     */
    public DeadLetterRepair set(String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("a correction is field=value, got '" + assignment + "'");
        }
        String field = assignment.substring(0, eq).strip();
        String text = assignment.substring(eq + 1);
        JsonNode value;
        try {
            value = mapper.readTree(text);
            if (value == null || value.isMissingNode()) {
                value = TextNode.valueOf(text);
            }
        } catch (JsonProcessingException e) {
            value = TextNode.valueOf(text);
        }
        corrections.put(field, value);
        return this;
    }

    public boolean hasCorrections() {
        return !corrections.isEmpty();
    }

    public Verdict check(DeadLetter letter) {
        byte[] value = letter.record().value();
        if (!corrections.isEmpty()) {
            try {
                value = corrected(value);
            } catch (IOException | IllegalArgumentException e) {
                return new Verdict(letter, value, "cannot correct it: " + firstLine(e.getMessage()));
            }
        }
        try {
            codec.decode(value);
            return new Verdict(letter, value, null);
        } catch (InvalidEventException e) {
            return new Verdict(letter, value, e.getMessage());
        }
    }

    private byte[] corrected(byte[] value) throws IOException {
        if (value == null) {
            throw new IllegalArgumentException("it has no value");
        }
        JsonNode root = mapper.readTree(value);
        if (!(root instanceof ObjectNode object)) {
            throw new IllegalArgumentException("it is not a JSON object");
        }
        corrections.forEach((path, v) -> put(object, path, v));
        return mapper.writeValueAsBytes(object);
    }

    private static void put(ObjectNode root, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            node = child instanceof ObjectNode o ? o : node.putObject(parts[i]);
        }
        node.set(parts[parts.length - 1], value);
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
