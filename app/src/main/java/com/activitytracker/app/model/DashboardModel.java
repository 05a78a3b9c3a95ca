package com.activitytracker.app.model;

import com.activitytracker.engine.EngineSnapshot;
import com.activitytracker.engine.analytics.AnalyticsSnapshot;
import com.activitytracker.engine.consumer.ConsumerStats;
import com.activitytracker.engine.event.EventTypes;
import com.activitytracker.engine.fraud.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The live figures: headline tiles, the throughput and revenue series, the event-type mix and the
 * conversion funnel, all derived from engine snapshots. Plain JavaFX properties, no toolkit needed.
 */
public final class DashboardModel {
    /** How much history the time-series charts show. */
    public static final Duration CHART_WINDOW = Duration.ofMinutes(3);

    private static final int MAX_POINTS = 400;

    private final TileModel eventsPerSecond = new TileModel("events-per-second", "Events / s");
    private final TileModel totalEvents = new TileModel("total-events", "Total events");
    private final TileModel revenue = new TileModel("revenue", "Revenue");
    private final TileModel averageOrder = new TileModel("average-order", "Average order");
    private final TileModel conversion = new TileModel("conversion", "Conversion");
    private final TileModel activeSessions = new TileModel("active-sessions", "Active sessions");
    private final TileModel alerts = new TileModel("alerts", "Fraud alerts");
    private final TileModel consumerLag = new TileModel("consumer-lag", "Consumer lag");
    private final TileModel latency = new TileModel("latency", "End-to-end latency");
    private final List<TileModel> tiles = List.of(
            eventsPerSecond,
            totalEvents,
            revenue,
            averageOrder,
            conversion,
            activeSessions,
            alerts,
            consumerLag,
            latency);
    private final Map<Severity, ReadOnlyStringWrapper> alertsBySeverity = new EnumMap<>(Severity.class);

    private final SlidingSeries targetRate = series("Target");
    private final SlidingSeries producedRate = series("Produced");
    private final SlidingSeries analysedRate = series("Analysed");
    private final SlidingSeries checkedRate = series("Fraud-checked");
    private final SlidingSeries revenueTotal = series("Revenue");
    private final ThroughputTracker throughput = new ThroughputTracker(Duration.ofSeconds(1));

    private final ObservableList<CategoryValue> eventMix = FXCollections.observableArrayList();
    /** Kept in a field: an unmodifiable view only listens weakly to its source. */
    private final ObservableList<CategoryValue> eventMixView = FXCollections.unmodifiableObservableList(eventMix);

    private final List<FunnelStepModel> funnel = List.of(
            new FunnelStepModel("Viewed a page"),
            new FunnelStepModel("Added to cart"),
            new FunnelStepModel("Checked out"),
            new FunnelStepModel("Purchased"));
    private final ReadOnlyStringWrapper funnelSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper updatedAt = new ReadOnlyStringWrapper("");

    private Instant origin;

    public DashboardModel() {
        for (Severity s : Severity.values()) {
            alertsBySeverity.put(s, new ReadOnlyStringWrapper("0"));
        }
        for (String type : EventTypes.KNOWN) {
            eventMix.add(new CategoryValue(type, 0, 0));
        }
    }

    // ---- Properties ----------------------------------------------------------------------------

    public List<TileModel> tiles() {
        return tiles;
    }

    public TileModel tile(String id) {
        return tiles.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    public ReadOnlyStringProperty alertCountProperty(Severity severity) {
        return alertsBySeverity.get(severity).getReadOnlyProperty();
    }

    /** Target, produced, analysed and fraud-checked events per second. */
    public List<SlidingSeries> throughputSeries() {
        return List.of(targetRate, producedRate, analysedRate, checkedRate);
    }

    public SlidingSeries revenueSeries() {
        return revenueTotal;
    }

    /** One entry per known event type, in a fixed order; entries are replaced as counts change. */
    public ObservableList<CategoryValue> eventMix() {
        return eventMixView;
    }

    public List<FunnelStepModel> funnel() {
        return funnel;
    }

    public ReadOnlyStringProperty funnelSummaryProperty() {
        return funnelSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty updatedAtProperty() {
        return updatedAt.getReadOnlyProperty();
    }

    // ---- Commands ------------------------------------------------------------------------------

    public void apply(EngineSnapshot s) {
        if (origin == null) {
            origin = s.takenAt();
        }
        AnalyticsSnapshot a = s.analytics();
        showTiles(s, a);
        showCharts(s, a);
        showEventMix(a);
        showFunnel(a.funnel());
        updatedAt.set(s.takenAt().toString());
    }

    /** Clears figures and charts, e.g. after the engine's counters were reset. */
    public void clear() {
        tiles.forEach(TileModel::clear);
        alertsBySeverity.values().forEach(p -> p.set("0"));
        throughputSeries().forEach(SlidingSeries::clear);
        revenueTotal.clear();
        throughput.reset();
        for (int i = 0; i < eventMix.size(); i++) {
            eventMix.set(i, new CategoryValue(eventMix.get(i).category(), 0, 0));
        }
        funnel.forEach(step -> step.show(0, 0, null));
        funnelSummary.set("");
    }

    private void showTiles(EngineSnapshot s, AnalyticsSnapshot a) {
        eventsPerSecond.show(
                Formats.rate(s.producer().actualRate()),
                s.paused() ? "paused" : "target " + Formats.rate(s.producer().targetRate()) + "/s");
        totalEvents.show(
                Formats.count(a.eventsTotal()),
                Formats.count(s.producer().sent()) + " sent · " + Formats.count(a.invalidRecords()) + " invalid");
        revenue.show(Formats.money(a.revenueTotal()), Formats.money(a.revenuePerMinute()) + " per minute");
        averageOrder.show(Formats.money(a.averageOrderValue()), Formats.count(a.purchases(), "purchase"));
        conversion.show(
                Formats.percent(a.funnel().conversionRate()),
                Formats.count(a.funnel().purchaseUsers()) + " of "
                        + Formats.count(a.funnel().pageViewUsers(), "visitor") + " bought");
        activeSessions.show(
                Formats.count(s.producer().activeSessions()), Formats.count(a.uniqueUsers(), "unique user"));
        alerts.show(Formats.count(s.alertsTotal()), "by severity");
        for (Severity severity : Severity.values()) {
            alertsBySeverity
                    .get(severity)
                    .set(Formats.count(s.alertsBySeverity().getOrDefault(severity, 0L)));
        }
        ConsumerStats ac = s.analyticsConsumer();
        ConsumerStats fc = s.fraudConsumer();
        long lagRecords = Math.max(0, ac.lagRecords()) + Math.max(0, fc.lagRecords());
        consumerLag.show(
                Formats.count(lagRecords, "record"),
                Formats.seconds(Math.max(ac.lagSeconds(), fc.lagSeconds())) + " behind");
        latency.show(
                "p50 " + Formats.millis(s.endToEnd().p50Millis()),
                "p99 " + Formats.millis(s.endToEnd().p99Millis()));
    }

    private void showCharts(EngineSnapshot s, AnalyticsSnapshot a) {
        throughput
                .offer(s.takenAt(), s.producer().sent(), a.eventsTotal(), s.fraudEventsChecked())
                .ifPresent(r -> {
                    double x = Duration.between(origin, r.at()).toMillis() / 1000.0;
                    targetRate.add(x, s.paused() ? 0 : s.producer().targetRate());
                    producedRate.add(x, r.produced());
                    analysedRate.add(x, r.analysed());
                    checkedRate.add(x, r.checked());
                    revenueTotal.add(x, a.revenueTotal());
                });
    }

    private void showEventMix(AnalyticsSnapshot a) {
        for (int i = 0; i < eventMix.size(); i++) {
            CategoryValue old = eventMix.get(i);
            long count = a.eventTypes().getOrDefault(old.category(), 0L);
            if (count != old.count()) {
                eventMix.set(i, new CategoryValue(old.category(), count, a.eventTypePercentage(old.category())));
            }
        }
    }

    private void showFunnel(AnalyticsSnapshot.Funnel f) {
        long[] users = {f.pageViewUsers(), f.addToCartUsers(), f.checkoutUsers(), f.purchaseUsers()};
        for (int i = 0; i < users.length; i++) {
            funnel.get(i).show(users[i], users[0], i == 0 ? null : users[i - 1]);
        }
        funnelSummary.set(Formats.percent(f.conversionRate()) + " of visitors purchased");
    }

    private static SlidingSeries series(String name) {
        return new SlidingSeries(name, CHART_WINDOW.toSeconds(), MAX_POINTS);
    }
}
