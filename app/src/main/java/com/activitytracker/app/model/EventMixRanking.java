package com.activitytracker.app.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The event-type mix as the chart shows it: largest share first, each bar scaled to the largest, so a
 * 90 % type fills its track and a 0.1 % type still shows a sliver and its exact figure.
 */
public final class EventMixRanking {
    /** Below this fraction of the track a bar would vanish; any share above zero gets at least this. */
    static final double MIN_VISIBLE = 0.01;

    private EventMixRanking() {}

    /** One bar: the type, its share as text, and how much of the track it fills (0 to 1). */
    public record Bar(String category, String share, double fill) {}

    /** Sorted by share, largest first; ties by name, so the order does not flicker. */
    public static List<Bar> rank(List<CategoryValue> mix) {
        return rank(mix, Integer.MAX_VALUE);
    }

    /**
     * As {@link #rank(List)}, in at most {@code rows} bars: when the window is too low for every type,
     * the smallest are summed into a last bar such as "4 more types", so the shares still add up and
     * nothing is cut off mid-row.
     */
    public static List<Bar> rank(List<CategoryValue> mix, int rows) {
        double largest = mix.stream().mapToDouble(CategoryValue::percent).max().orElse(0);
        List<CategoryValue> sorted = mix.stream()
                .sorted(Comparator.comparingDouble(CategoryValue::percent)
                        .reversed()
                        .thenComparing(CategoryValue::category))
                .toList();
        int limit = Math.max(1, rows);
        if (sorted.size() <= limit) {
            return sorted.stream()
                    .map(v -> bar(v.category(), v.percent(), largest))
                    .toList();
        }
        List<Bar> bars = new ArrayList<>();
        sorted.subList(0, limit - 1).forEach(v -> bars.add(bar(v.category(), v.percent(), largest)));
        List<CategoryValue> rest = sorted.subList(limit - 1, sorted.size());
        double restShare = rest.stream().mapToDouble(CategoryValue::percent).sum();
        bars.add(bar(rest.size() + " more types", restShare, Math.max(largest, restShare)));
        return bars;
    }

    private static Bar bar(String category, double percent, double largest) {
        return new Bar(category, Formats.share(percent), fill(percent, largest));
    }

    private static double fill(double percent, double largest) {
        if (!(percent > 0) || !(largest > 0)) {
            return 0;
        }
        return Math.max(MIN_VISIBLE, Math.min(1, percent / largest));
    }
}
