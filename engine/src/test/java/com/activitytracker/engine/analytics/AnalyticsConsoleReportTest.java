package com.activitytracker.engine.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class AnalyticsConsoleReportTest {
    private final AnalyticsConsoleReport report = new AnalyticsConsoleReport();

    @Test
    void rendersTheSeedLayoutWithTheAddedFigures() {
        assertThat(report.render(ContractExample.snapshot())).isEqualTo("""
                📊 ANALYTICS AGGREGATION REPORT
                ==========================================
                📈 Event Type Distribution:
                  page_view       :    300 (60.0%)
                  click           :    125 (25.0%)
                  purchase        :     10 (2.0%)

                💰 Revenue Analytics:
                  Total Revenue     : $9,999.90
                  Avg Order Value   : $999.99
                  Revenue / Minute  : $1,234.50

                Conversion Funnel:
                  Page Views        :    150 users
                  Add to Cart       :     40 users
                  Checkout          :     15 users
                  Purchases         :     10 users (6.7% conversion)

                👥 Audience:
                  Unique Users      :    150
                  Unique Sessions   :    160

                ⚡ Throughput:
                  Total Events      :    500
                  Events/s (1 min)  :    8.3
                  Invalid Records   :      0

                🔥 Top Categories (last minute):
                  electronics     :     42
                """);
    }

    @Test
    void formatsNumbersForTheUsWhateverTheDefaultLocale() {
        Locale original = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            String text = report.render(snapshot(1_234_567.891, 1_000, true));

            assertThat(text).contains("Total Revenue     : $1,234,567.89", "Avg Order Value   : $1,234.57");
        } finally {
            Locale.setDefault(original);
        }
    }

    @Test
    void saysWhenDistinctCountsAreEstimates() {
        assertThat(report.render(snapshot(0, 0, false))).contains("HyperLogLog estimates");
        assertThat(report.render(snapshot(0, 0, true))).doesNotContain("estimate");
    }

    @Test
    void saysSoWhenThereAreNoEventsYet() {
        String text = report.render(snapshot(0, 0, true));

        assertThat(text)
                .contains("  (no events yet)", "Purchases         :      0 users (0.0% conversion)")
                .doesNotContain("Top Categories");
    }

    private static AnalyticsSnapshot snapshot(double revenue, long purchases, boolean exact) {
        return new AnalyticsSnapshot(
                Instant.EPOCH,
                purchases,
                0,
                purchases == 0 ? Map.of() : Map.of("purchase", purchases),
                revenue,
                purchases,
                0,
                0,
                new AnalyticsSnapshot.Funnel(0, 0, 0, 0),
                exact,
                0,
                0,
                List.of());
    }
}
