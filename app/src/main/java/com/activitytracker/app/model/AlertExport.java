package com.activitytracker.app.model;

import com.activitytracker.engine.fraud.FraudAlert;
import com.activitytracker.engine.fraud.FraudAlertCodec;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * The alerts a presenter has seen, as a file for a spreadsheet or a script: CSV (RFC 4180: comma
 * separated, CRLF line ends, a field with a comma, a quote or a line break in double quotes with its
 * quotes doubled) or JSON (an array of alerts in the format of the alerts topic, docs/CONTRACTS.md).
 */
public final class AlertExport {
    public enum Format {
        CSV("csv"),
        JSON("json");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }
    }

    public static final List<String> CSV_COLUMNS = List.of(
            "alert_id",
            "detected_at",
            "event_time",
            "severity",
            "rule",
            "user_id",
            "description",
            "evidence_event_ids",
            "details");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final FraudAlertCodec CODEC = new FraudAlertCodec();

    private AlertExport() {}

    public static String format(List<FraudAlert> alerts, Format format) {
        return format == Format.CSV ? csv(alerts) : json(alerts);
    }

    /** One header line, then one line per alert; evidence ids separated by spaces, details as JSON. */
    public static String csv(List<FraudAlert> alerts) {
        StringBuilder out = new StringBuilder();
        line(out, CSV_COLUMNS);
        for (FraudAlert a : alerts) {
            String details;
            try {
                details = MAPPER.writeValueAsString(a.details());
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
            line(
                    out,
                    List.of(
                            a.alertId(),
                            a.detectedAt().toString(),
                            a.eventTime().toString(),
                            a.severity().name(),
                            a.rule(),
                            a.userId(),
                            a.description(),
                            String.join(" ", a.evidenceEventIds()),
                            details));
        }
        return out.toString();
    }

    /** An indented JSON array of the alerts, each exactly as on the alerts topic. */
    public static String json(List<FraudAlert> alerts) {
        ArrayNode array = MAPPER.createArrayNode();
        try {
            for (FraudAlert a : alerts) {
                JsonNode node = MAPPER.readTree(CODEC.encode(a));
                array.add(node);
            }
            return MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(array)
                    + System.lineSeparator();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One CSV field: quoted when it holds a comma, a quote, a line break or surrounding spaces. A field
     * starting with {@code = + - @} (which a spreadsheet would run as a formula; user ids come from the
     * stream) is prefixed with an apostrophe.
     */
    static String field(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        boolean quote = v.indexOf(',') >= 0
                || v.indexOf('"') >= 0
                || v.indexOf('\n') >= 0
                || v.indexOf('\r') >= 0
                || (!v.isEmpty()
                        && (Character.isWhitespace(v.charAt(0)) || Character.isWhitespace(v.charAt(v.length() - 1))));
        return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }

    private static void line(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        out.append("\r\n");
    }

    /** A file name for today's export, e.g. {@code fraud-alerts-20261205-101500.csv}. */
    public static String fileName(java.time.LocalDateTime now, Format format) {
        return String.format(
                Locale.ROOT,
                "fraud-alerts-%04d%02d%02d-%02d%02d%02d.%s",
                now.getYear(),
                now.getMonthValue(),
                now.getDayOfMonth(),
                now.getHour(),
                now.getMinute(),
                now.getSecond(),
                format.extension());
    }
}
