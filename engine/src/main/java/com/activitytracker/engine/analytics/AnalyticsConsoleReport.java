package com.activitytracker.engine.analytics;

import java.util.Locale;
import java.util.Map;

/**
 * Renders a snapshot as the classic analytics console report, keeping its
 * layout and column widths so a presenter's old screenshots still match, then adds the figures it
 * lacked: funnel middle steps, unique users and sessions, rolling rates, invalid records, top categories.
 * Numbers are formatted for {@link Locale#US} whatever the machine's locale, so reports read the same everywhere.
 */
public final class AnalyticsConsoleReport {
    private static final Locale FORMAT = Locale.US;
    private static final String RULE = "==========================================";

    public String render(AnalyticsSnapshot s) {
        StringBuilder out = new StringBuilder(1024);
        line(out, "📊 ANALYTICS AGGREGATION REPORT");
        line(out, RULE);
        eventTypes(out, s);
        line(out, "");
        revenue(out, s);
        line(out, "");
        funnel(out, s);
        line(out, "");
        audience(out, s);
        line(out, "");
        throughput(out, s);
        if (!s.topCategories().isEmpty()) {
            line(out, "");
            topCategories(out, s);
        }
        return out.toString();
    }

    private static void eventTypes(StringBuilder out, AnalyticsSnapshot s) {
        line(out, "📈 Event Type Distribution:");
        if (s.eventTypes().isEmpty()) {
            line(out, "  (no events yet)");
        }
        for (Map.Entry<String, Long> type : s.eventTypes().entrySet()) {
            line(
                    out,
                    String.format(
                            FORMAT,
                            "  %-16s: %6d (%.1f%%)",
                            type.getKey(),
                            type.getValue(),
                            s.eventTypePercentage(type.getKey())));
        }
    }

    private static void revenue(StringBuilder out, AnalyticsSnapshot s) {
        line(out, "💰 Revenue Analytics:");
        line(out, String.format(FORMAT, "  %-18s: $%,.2f", "Total Revenue", s.revenueTotal()));
        line(out, String.format(FORMAT, "  %-18s: $%,.2f", "Avg Order Value", s.averageOrderValue()));
        line(out, String.format(FORMAT, "  %-18s: $%,.2f", "Revenue / Minute", s.revenuePerMinute()));
    }

    private static void funnel(StringBuilder out, AnalyticsSnapshot s) {
        AnalyticsSnapshot.Funnel f = s.funnel();
        line(out, "Conversion Funnel:");
        line(out, users("Page Views", f.pageViewUsers()));
        line(out, users("Add to Cart", f.addToCartUsers()));
        line(out, users("Checkout", f.checkoutUsers()));
        line(
                out,
                users("Purchases", f.purchaseUsers())
                        + String.format(FORMAT, " (%.1f%% conversion)", 100 * f.conversionRate()));
    }

    private static void audience(StringBuilder out, AnalyticsSnapshot s) {
        line(out, "👥 Audience:");
        line(out, count("Unique Users", s.uniqueUsers()));
        line(out, count("Unique Sessions", s.uniqueSessions()));
        if (!s.distinctCountsExact()) {
            line(out, "  (users, sessions and funnel are HyperLogLog estimates, about ±1%)");
        }
    }

    private static void throughput(StringBuilder out, AnalyticsSnapshot s) {
        line(out, "⚡ Throughput:");
        line(out, count("Total Events", s.eventsTotal()));
        line(out, String.format(FORMAT, "  %-18s: %6.1f", "Events/s (1 min)", s.eventsPerSecond()));
        line(out, count("Invalid Records", s.invalidRecords()));
    }

    private static void topCategories(StringBuilder out, AnalyticsSnapshot s) {
        line(out, "🔥 Top Categories (last minute):");
        for (AnalyticsSnapshot.CategoryCount category : s.topCategories()) {
            line(out, String.format(FORMAT, "  %-16s: %6d", category.category(), category.events()));
        }
    }

    private static String users(String label, long users) {
        return String.format(FORMAT, "  %-18s: %6d users", label, users);
    }

    private static String count(String label, long value) {
        return String.format(FORMAT, "  %-18s: %6d", label, value);
    }

    private static void line(StringBuilder out, String text) {
        out.append(text).append('\n');
    }
}
