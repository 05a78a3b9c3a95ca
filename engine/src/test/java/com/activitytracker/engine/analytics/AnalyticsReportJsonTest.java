package com.activitytracker.engine.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class AnalyticsReportJsonTest {
    /** Reads decimals as BigDecimal so the tests see the rounding the file carries. */
    private final ObjectMapper reader = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private final AnalyticsReportJson json = new AnalyticsReportJson();

    @Test
    void reportHasEveryKeyTheContractRequires() throws IOException {
        JsonNode report = reader.readTree(json.toJson(ContractExample.snapshot()));

        assertThat(fieldNames(report))
                .contains(
                        "events_total",
                        "invalid_records",
                        "event_types",
                        "revenue_total",
                        "purchases",
                        "average_order_value",
                        "unique_users",
                        "unique_sessions",
                        "funnel",
                        "generated_at");
        assertThat(fieldNames(report.get("funnel")))
                .containsExactly(
                        "page_view_users", "add_to_cart_users", "checkout_users", "purchase_users", "conversion_rate");
    }

    @Test
    void reportCarriesTheContractExampleValues() throws IOException {
        JsonNode report = reader.readTree(json.toJson(ContractExample.snapshot()));

        assertThat(report.get("events_total").longValue()).isEqualTo(500);
        assertThat(report.get("invalid_records").longValue()).isZero();
        assertThat(report.get("revenue_total").decimalValue()).isEqualTo(new BigDecimal("9999.90"));
        assertThat(report.get("purchases").longValue()).isEqualTo(10);
        assertThat(report.get("average_order_value").decimalValue()).isEqualTo(new BigDecimal("999.99"));
        assertThat(report.get("unique_users").longValue()).isEqualTo(150);
        assertThat(report.get("unique_sessions").longValue()).isEqualTo(160);
        JsonNode funnel = report.get("funnel");
        assertThat(funnel.get("page_view_users").longValue()).isEqualTo(150);
        assertThat(funnel.get("add_to_cart_users").longValue()).isEqualTo(40);
        assertThat(funnel.get("checkout_users").longValue()).isEqualTo(15);
        assertThat(funnel.get("purchase_users").longValue()).isEqualTo(10);
        assertThat(funnel.get("conversion_rate").decimalValue()).isEqualTo(new BigDecimal("0.0667"));
        assertThat(report.get("generated_at").textValue()).isEqualTo("2026-11-26T10:31:00Z");
    }

    @Test
    void eventTypesAreWrittenMostFrequentFirst() throws IOException {
        JsonNode report = reader.readTree(json.toJson(ContractExample.snapshot()));

        assertThat(fieldNames(report.get("event_types"))).containsExactly("page_view", "click", "purchase");
        assertThat(report.get("event_types").get("click").longValue()).isEqualTo(125);
    }

    @Test
    void extrasSayWhetherCountsAreExactAndCarryTheRollingFigures() throws IOException {
        JsonNode report = reader.readTree(json.toJson(ContractExample.snapshot()));

        assertThat(report.get("distinct_counts_exact").booleanValue()).isTrue();
        assertThat(report.get("events_per_second").decimalValue()).isEqualTo(new BigDecimal("8.25"));
        assertThat(report.get("revenue_per_minute").decimalValue()).isEqualTo(new BigDecimal("1234.50"));
        assertThat(report.get("top_categories").get(0).get("category").textValue())
                .isEqualTo("electronics");
        assertThat(report.get("top_categories").get(0).get("events").longValue())
                .isEqualTo(42);
    }

    @Test
    void moneyIsRoundedToCentsAndConversionToFourDecimals() throws IOException {
        AnalyticsSnapshot snapshot = new AnalyticsSnapshot(
                Instant.parse("2026-11-26T10:31:00.123456Z"),
                3,
                0,
                Map.of("purchase", 3L),
                100.005,
                2,
                3,
                3,
                new AnalyticsSnapshot.Funnel(3, 3, 3, 2),
                true,
                0,
                0,
                List.of());

        JsonNode report = reader.readTree(json.toJson(snapshot));

        assertThat(report.get("revenue_total").decimalValue()).isEqualTo(new BigDecimal("100.01"));
        assertThat(report.get("average_order_value").decimalValue()).isEqualTo(new BigDecimal("50.00"));
        assertThat(report.get("funnel").get("conversion_rate").decimalValue()).isEqualTo(new BigDecimal("0.6667"));
        assertThat(report.get("generated_at").textValue()).isEqualTo("2026-11-26T10:31:00.123Z");
    }

    @Test
    void writeLeavesTheReportAndNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("reports").resolve("analytics.json");

        json.write(ContractExample.snapshot(), file);

        assertThat(reader.readTree(file.toFile()).get("events_total").longValue())
                .isEqualTo(500);
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void writeReplacesAnEarlierReport(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("analytics.json");
        Files.writeString(file, "{\"events_total\": 1, \"stale\": true}");

        json.write(ContractExample.snapshot(), file);

        JsonNode report = reader.readTree(file.toFile());
        assertThat(report.get("events_total").longValue()).isEqualTo(500);
        assertThat(report.has("stale")).isFalse();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
