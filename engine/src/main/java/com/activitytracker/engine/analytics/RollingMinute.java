package com.activitytracker.engine.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The last minute of processing time in sixty one-second buckets: events, revenue and events per
 * category. A slot is reused (and cleared) when its second comes round again, so memory is fixed
 * and recording allocates nothing once a category has been seen.
 *
 * <p>Rates divide by the time the buckets actually cover — from the start of the oldest bucket
 * still in the window (or from {@link #reset}, whichever is later) to now — so the figures are
 * right in the first minute and do not sag while the current second is still filling.
 *
 * <p>Category names are interned to small ids; past {@link #MAX_CATEGORIES} distinct names the
 * rest are counted as {@link #OTHER_CATEGORY}, so a stream of junk categories cannot grow memory.
 */
final class RollingMinute {
    static final int SECONDS = 60;
    static final int MAX_CATEGORIES = 1_000;
    static final String OTHER_CATEGORY = "(other)";
    /** Shortest time a rate is divided by, so the first events do not show as a huge spike. */
    private static final long MIN_SPAN_MILLIS = 1_000;

    private static final long EMPTY = Long.MIN_VALUE;

    private final long[] slotSecond = new long[SECONDS];
    private final long[] slotEvents = new long[SECONDS];
    private final double[] slotRevenue = new double[SECONDS];
    private final int[][] slotCategoryEvents = new int[SECONDS][];
    private final Map<String, Integer> categoryIds = new HashMap<>();
    private final List<String> categoryNames = new ArrayList<>();
    private long startMillis;
    /** Latest second seen; a clock stepping back is treated as still at this second. */
    private long latestSecond;

    RollingMinute(long nowMillis) {
        reset(nowMillis);
    }

    void reset(long nowMillis) {
        Arrays.fill(slotSecond, EMPTY);
        Arrays.fill(slotEvents, 0);
        Arrays.fill(slotRevenue, 0);
        Arrays.fill(slotCategoryEvents, null);
        categoryIds.clear();
        categoryNames.clear();
        startMillis = nowMillis;
        latestSecond = Math.floorDiv(nowMillis, 1000);
    }

    /**
     * @param revenue purchase amount, 0 for other events
     * @param category the event's category, or null
     */
    void record(long nowMillis, double revenue, String category) {
        int slot = slotFor(nowMillis);
        slotEvents[slot]++;
        slotRevenue[slot] += revenue;
        if (category != null && !category.isBlank()) {
            int id = categoryId(category);
            int[] counts = slotCategoryEvents[slot];
            if (counts == null || counts.length <= id) {
                counts = slotCategoryEvents[slot] = grownCounts(counts, id);
            }
            counts[id]++;
        }
    }

    double eventsPerSecond(long nowMillis) {
        long now = effectiveNow(nowMillis);
        long events = 0;
        for (int slot = 0; slot < SECONDS; slot++) {
            if (isLive(slot, now)) {
                events += slotEvents[slot];
            }
        }
        return events * 1000.0 / spanMillis(now);
    }

    double revenuePerMinute(long nowMillis) {
        long now = effectiveNow(nowMillis);
        double revenue = 0;
        for (int slot = 0; slot < SECONDS; slot++) {
            if (isLive(slot, now)) {
                revenue += slotRevenue[slot];
            }
        }
        return revenue * 60_000.0 / spanMillis(now);
    }

    /** Categories with the most events in the window, most first, ties by name; at most {@code limit}. */
    List<AnalyticsSnapshot.CategoryCount> topCategories(long nowMillis, int limit) {
        long now = effectiveNow(nowMillis);
        long[] totals = new long[categoryNames.size()];
        for (int slot = 0; slot < SECONDS; slot++) {
            int[] counts = slotCategoryEvents[slot];
            if (counts != null && isLive(slot, now)) {
                // Slot arrays grow ahead of the dictionary, so they may be longer than it.
                for (int id = 0; id < Math.min(counts.length, totals.length); id++) {
                    totals[id] += counts[id];
                }
            }
        }
        List<AnalyticsSnapshot.CategoryCount> ranked = new ArrayList<>();
        for (int id = 0; id < totals.length; id++) {
            if (totals[id] > 0) {
                ranked.add(new AnalyticsSnapshot.CategoryCount(categoryNames.get(id), totals[id]));
            }
        }
        ranked.sort(AnalyticsSnapshot.CategoryCount.MOST_EVENTS_FIRST);
        return List.copyOf(ranked.subList(0, Math.min(limit, ranked.size())));
    }

    private int slotFor(long nowMillis) {
        long second = Math.max(Math.floorDiv(nowMillis, 1000), latestSecond);
        latestSecond = second;
        int slot = Math.floorMod(second, SECONDS);
        if (slotSecond[slot] != second) {
            slotSecond[slot] = second;
            slotEvents[slot] = 0;
            slotRevenue[slot] = 0;
            if (slotCategoryEvents[slot] != null) {
                Arrays.fill(slotCategoryEvents[slot], 0);
            }
        }
        return slot;
    }

    private boolean isLive(int slot, long nowMillis) {
        long second = slotSecond[slot];
        long nowSecond = Math.floorDiv(nowMillis, 1000);
        return second != EMPTY && second > nowSecond - SECONDS && second <= nowSecond;
    }

    private long effectiveNow(long nowMillis) {
        return Math.max(nowMillis, latestSecond * 1000);
    }

    private long spanMillis(long nowMillis) {
        long windowStart = (Math.floorDiv(nowMillis, 1000) - (SECONDS - 1)) * 1000;
        return Math.max(MIN_SPAN_MILLIS, nowMillis - Math.max(startMillis, windowStart));
    }

    private int categoryId(String category) {
        Integer id = categoryIds.get(category);
        if (id != null) {
            return id;
        }
        String name = categoryNames.size() < MAX_CATEGORIES ? category : OTHER_CATEGORY;
        id = categoryIds.get(name);
        if (id == null) {
            id = categoryNames.size();
            categoryNames.add(name);
            categoryIds.put(name, id);
        }
        return id;
    }

    private int[] grownCounts(int[] counts, int id) {
        int length = Math.max(id + 1, Math.min(categoryNames.size() + 8, MAX_CATEGORIES + 1));
        return counts == null ? new int[length] : Arrays.copyOf(counts, length);
    }
}
