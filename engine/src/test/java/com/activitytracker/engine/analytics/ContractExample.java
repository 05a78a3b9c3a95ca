package com.activitytracker.engine.analytics;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The analytics report example of docs/CONTRACTS.md, as a snapshot. */
final class ContractExample {
    static final Instant GENERATED_AT = Instant.parse("2026-11-26T10:31:00Z");

    private ContractExample() {}

    static AnalyticsSnapshot snapshot() {
        return new AnalyticsSnapshot(
                GENERATED_AT,
                500,
                0,
                Map.of("click", 125L, "purchase", 10L, "page_view", 300L),
                9999.90,
                10,
                150,
                160,
                new AnalyticsSnapshot.Funnel(150, 40, 15, 10),
                true,
                8.25,
                1234.5,
                List.of(new AnalyticsSnapshot.CategoryCount("electronics", 42)));
    }
}
