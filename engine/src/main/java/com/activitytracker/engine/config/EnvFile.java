package com.activitytracker.engine.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code .env} file with the usual dotenv rules (those of docker compose and python-dotenv),
 * so a file written for one of them means the same here:
 * <ul>
 *   <li>{@code KEY=value}, one per line; blank lines and lines starting with {@code #} are skipped;
 *       an optional {@code export } in front is ignored;</li>
 *   <li>unquoted values are trimmed, and a {@code #} after whitespace starts a comment
 *       ({@code KEY=v # note} is {@code v}; {@code KEY=a#b} is {@code a#b});</li>
 *   <li>{@code "double quotes"} keep everything inside, {@code #} included, and understand the escapes
 *       {@code \"}, {@code \\}, {@code \n} and {@code \t};</li>
 *   <li>{@code 'single quotes'} keep everything inside literally;</li>
 *   <li>after a closing quote only whitespace and a comment may follow.</li>
 * </ul>
 * A line that breaks these rules stops the program with one message naming the file and line.
 */
public final class EnvFile {
    private EnvFile() {}

    public static Map<String, String> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SettingsException("cannot read env file " + file + ": " + e.getMessage());
        }
        return parse(lines, file.toString());
    }

    /** @param source names the file in error messages */
    public static Map<String, String> parse(List<String> lines, String source) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ") || line.startsWith("export\t")) {
                line = line.substring("export".length()).strip();
            }
            int eq = line.indexOf('=');
            String key = eq < 0 ? "" : line.substring(0, eq).strip();
            if (key.isEmpty() || key.chars().anyMatch(Character::isWhitespace)) {
                throw new SettingsException(source + " line " + (i + 1) + ": expected KEY=value");
            }
            try {
                values.put(key, value(line.substring(eq + 1).strip()));
            } catch (IllegalArgumentException e) {
                throw new SettingsException(source + " line " + (i + 1) + " (" + key + "): " + e.getMessage());
            }
        }
        return values;
    }

    private static String value(String raw) {
        if (raw.isEmpty()) {
            return "";
        }
        char first = raw.charAt(0);
        if (first == '"') {
            return doubleQuoted(raw);
        }
        if (first == '\'') {
            int close = raw.indexOf('\'', 1);
            if (close < 0) {
                throw new IllegalArgumentException("no closing ' quote");
            }
            requireOnlyComment(raw.substring(close + 1));
            return raw.substring(1, close);
        }
        return unquoted(raw);
    }

    private static String doubleQuoted(String raw) {
        StringBuilder value = new StringBuilder();
        for (int i = 1; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '"') {
                requireOnlyComment(raw.substring(i + 1));
                return value.toString();
            }
            if (c == '\\' && i + 1 < raw.length()) {
                char next = raw.charAt(++i);
                switch (next) {
                    case 'n' -> value.append('\n');
                    case 't' -> value.append('\t');
                    case '"', '\\' -> value.append(next);
                    default -> value.append('\\').append(next); // unknown escapes stay as written
                }
            } else {
                value.append(c);
            }
        }
        throw new IllegalArgumentException("no closing \" quote");
    }

    /** An unquoted value ends where whitespace followed by {@code #} starts a comment. */
    private static String unquoted(String raw) {
        for (int i = 1; i < raw.length(); i++) {
            if (raw.charAt(i) == '#' && Character.isWhitespace(raw.charAt(i - 1))) {
                return raw.substring(0, i).strip();
            }
        }
        return raw;
    }

    private static void requireOnlyComment(String rest) {
        String tail = rest.strip();
        if (!tail.isEmpty() && !tail.startsWith("#")) {
            throw new IllegalArgumentException("unexpected text after the closing quote: " + tail);
        }
    }
}
