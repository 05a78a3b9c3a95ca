package com.activitytracker.engine.observability;

import static com.activitytracker.engine.observability.RoleLog.round2;

import com.activitytracker.engine.analytics.AnalyticsSnapshot;
import com.activitytracker.engine.producer.ProducerStats;
import java.util.LinkedHashMap;
import java.util.Map;

/** The figures of each role as log fields, named in snake_case like the analytics report's keys. */
public final class Figures {
    private Figures() {}

    public static Map<String, Object> producer(ProducerStats s) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("sent", s.sent());
        f.put("delivered", s.delivered());
        f.put("failed", s.failed());
        f.put("in_flight", s.inFlight());
        f.put("rate_per_second", round2(s.actualRate()));
        f.put("average_rate_per_second", round2(s.averageRate()));
        f.put("active_sessions", s.activeSessions());
        f.put("elapsed_seconds", round2(s.elapsed().toMillis() / 1000.0));
        if (s.error() != null) {
            f.put("error", s.error());
        }
        return f;
    }

    public static Map<String, Object> analytics(AnalyticsSnapshot s) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("events_total", s.eventsTotal());
        f.put("invalid_records", s.invalidRecords());
        f.put("revenue_total", round2(s.revenueTotal()));
        f.put("purchases", s.purchases());
        f.put("unique_users", s.uniqueUsers());
        f.put("conversion_rate", Math.round(s.funnel().conversionRate() * 10_000) / 10_000.0);
        f.put("events_per_second", round2(s.eventsPerSecond()));
        return f;
    }

    /** The fraud detector's figures, from its counters. */
    public static Map<String, Object> fraud(long eventsChecked, long invalidRecords, long alertsRaised) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("events_checked", eventsChecked);
        f.put("invalid_records", invalidRecords);
        f.put("alerts_raised", alertsRaised);
        return f;
    }
}
