package com.activitytracker.engine.analytics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The analytics figures at one moment, as docs/CONTRACTS.md's report defines them, plus rolling figures
 * over the last minute of processing time for a live console. Immutable, so it can be handed to any
 * thread.
 *
 * @param generatedAt when the snapshot was taken
 * @param eventsTotal valid events; invalid ones count only in {@code invalidRecords}
 * @param invalidRecords records that failed validation
 * @param eventTypes events per type, iterating from the most frequent (ties by name)
 * @param revenueTotal sum of purchase amounts
 * @param purchases number of purchase events
 * @param uniqueUsers distinct user ids
 * @param uniqueSessions distinct session ids; events without one add none
 * @param funnel distinct users per funnel step
 * @param distinctCountsExact false once any distinct count (users, sessions, funnel) is a
 *     HyperLogLog estimate rather than an exact count
 * @param eventsPerSecond valid events per second over the last 60 s
 * @param revenuePerMinute purchase revenue per minute over the last 60 s
 * @param topCategories categories with the most events over the last 60 s, most first
 */
public record AnalyticsSnapshot(
        Instant generatedAt,
        long eventsTotal,
        long invalidRecords,
        Map<String, Long> eventTypes,
        double revenueTotal,
        long purchases,
        long uniqueUsers,
        long uniqueSessions,
        Funnel funnel,
        boolean distinctCountsExact,
        double eventsPerSecond,
        double revenuePerMinute,
        List<CategoryCount> topCategories) {

    public AnalyticsSnapshot {
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(funnel, "funnel");
        eventTypes = byCountDescending(Objects.requireNonNull(eventTypes, "eventTypes"));
        topCategories = List.copyOf(topCategories);
    }

    /** Average purchase amount, 0 when there are no purchases. */
    public double averageOrderValue() {
        return purchases == 0 ? 0.0 : revenueTotal / purchases;
    }

    /** Share of all valid events that have this type, in percent (0 to 100); 0 when there are no events. */
    public double eventTypePercentage(String eventType) {
        if (eventsTotal == 0) {
            return 0.0;
        }
        return 100.0 * eventTypes.getOrDefault(eventType, 0L) / eventsTotal;
    }

    private static Map<String, Long> byCountDescending(Map<String, Long> counts) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        Map<String, Long> ordered = new LinkedHashMap<>();
        for (Map.Entry<String, Long> entry : entries) {
            ordered.put(Objects.requireNonNull(entry.getKey()), Objects.requireNonNull(entry.getValue()));
        }
        return Collections.unmodifiableMap(ordered);
    }

    /**
     * Distinct users who did each step of the shop funnel at least once; the steps are counted
     * independently, so a user who purchased without a recorded page view still counts.
     */
    public record Funnel(long pageViewUsers, long addToCartUsers, long checkoutUsers, long purchaseUsers) {
        /** {@code purchaseUsers / pageViewUsers}, 0 when nobody viewed a page. */
        public double conversionRate() {
            return pageViewUsers == 0 ? 0.0 : (double) purchaseUsers / pageViewUsers;
        }
    }

    /** Events in one product category. */
    public record CategoryCount(String category, long events) {
        static final Comparator<CategoryCount> MOST_EVENTS_FIRST =
                Comparator.comparingLong(CategoryCount::events).reversed().thenComparing(CategoryCount::category);

        public CategoryCount {
            Objects.requireNonNull(category, "category");
        }
    }
}
