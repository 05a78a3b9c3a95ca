package com.activitytracker.engine.analytics;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a snapshot as the analytics report JSON of docs/CONTRACTS.md ({@code --report-json FILE}): the
 * contract's keys first, in its order, then extras ({@code distinct_counts_exact} and the rolling
 * figures). Money is rounded to 2 decimals and {@code conversion_rate} to 4, as BigDecimals so the
 * file shows {@code 9999.90} rather than a binary-fraction tail. Thread-safe.
 */
public final class AnalyticsReportJson {
    private final JsonFactory factory;

    public AnalyticsReportJson() {
        this(new ObjectMapper());
    }

    public AnalyticsReportJson(ObjectMapper mapper) {
        this.factory = mapper.getFactory();
    }

    public String toJson(AnalyticsSnapshot snapshot) {
        StringWriter out = new StringWriter(1024);
        try {
            write(snapshot, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write analytics report", e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /**
     * Writes the report to {@code file} through a temporary file in the same directory and a move,
     * so a reader sees the old report or the new one, never half of one.
     */
    public void write(AnalyticsSnapshot snapshot, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path directory = target.getParent();
        Files.createDirectories(directory);
        // Not Files.createTempFile: its owner-only permissions would survive the move.
        Path temp = directory.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(
                    temp, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                write(snapshot, out);
            }
            moveIntoPlace(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void write(AnalyticsSnapshot s, Writer out) throws IOException {
        try (JsonGenerator g = factory.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("events_total", s.eventsTotal());
            g.writeNumberField("invalid_records", s.invalidRecords());
            g.writeObjectFieldStart("event_types");
            for (Map.Entry<String, Long> type : s.eventTypes().entrySet()) {
                g.writeNumberField(type.getKey(), type.getValue());
            }
            g.writeEndObject();
            writeRounded(g, "revenue_total", s.revenueTotal(), 2);
            g.writeNumberField("purchases", s.purchases());
            writeRounded(g, "average_order_value", s.averageOrderValue(), 2);
            g.writeNumberField("unique_users", s.uniqueUsers());
            g.writeNumberField("unique_sessions", s.uniqueSessions());
            writeFunnel(g, s.funnel());
            g.writeStringField(
                    "generated_at",
                    DateTimeFormatter.ISO_INSTANT.format(s.generatedAt().truncatedTo(ChronoUnit.MILLIS)));
            g.writeBooleanField("distinct_counts_exact", s.distinctCountsExact());
            writeRounded(g, "events_per_second", s.eventsPerSecond(), 2);
            writeRounded(g, "revenue_per_minute", s.revenuePerMinute(), 2);
            g.writeArrayFieldStart("top_categories");
            for (AnalyticsSnapshot.CategoryCount category : s.topCategories()) {
                g.writeStartObject();
                g.writeStringField("category", category.category());
                g.writeNumberField("events", category.events());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
    }

    private static void writeFunnel(JsonGenerator g, AnalyticsSnapshot.Funnel funnel) throws IOException {
        g.writeObjectFieldStart("funnel");
        g.writeNumberField("page_view_users", funnel.pageViewUsers());
        g.writeNumberField("add_to_cart_users", funnel.addToCartUsers());
        g.writeNumberField("checkout_users", funnel.checkoutUsers());
        g.writeNumberField("purchase_users", funnel.purchaseUsers());
        writeRounded(g, "conversion_rate", funnel.conversionRate(), 4);
        g.writeEndObject();
    }

    /** JSON has no infinity or NaN; such a figure is written as null rather than breaking the file. */
    private static void writeRounded(JsonGenerator g, String field, double value, int decimals) throws IOException {
        if (Double.isFinite(value)) {
            g.writeNumberField(field, BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP));
        } else {
            g.writeNullField(field);
        }
    }
}
