package com.activitytracker.engine.observability;

import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.cumulative.CumulativeFunctionTimer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * The Prometheus registry, except that an {@link EventTimer} registered as a function timer is
 * exported as the histogram a Micrometer timer with a percentile histogram would be ({@code _bucket}
 * from 1 ms to 60 s, {@code _count}, {@code _sum}, and a {@code _max} gauge over the recent window),
 * read from the timer's one recording when scraped.
 */
final class TrackerPrometheusRegistry extends PrometheusMeterRegistry {
    private static final double MIN_SECONDS = 0.001;
    private static final double MAX_SECONDS = 60;

    private final Map<Meter.Id, Exported> timers = new ConcurrentHashMap<>();

    private record Exported(String name, String help, Labels labels, EventTimer timer) {}

    TrackerPrometheusRegistry() {
        super(PrometheusConfig.DEFAULT);
        config().onMeterRemoved(meter -> timers.remove(meter.getId()));
        getPrometheusRegistry().register((MultiCollector) this::collectEventTimers);
    }

    @Override
    protected <T> FunctionTimer newFunctionTimer(
            Meter.Id id,
            T obj,
            ToLongFunction<T> countFunction,
            ToDoubleFunction<T> totalTimeFunction,
            TimeUnit totalTimeFunctionUnit) {
        if (!(obj instanceof EventTimer timer)) {
            return super.newFunctionTimer(id, obj, countFunction, totalTimeFunction, totalTimeFunctionUnit);
        }
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (Tag tag : getConventionTags(id)) {
            names.add(tag.getKey());
            values.add(tag.getValue());
        }
        String description = id.getDescription();
        timers.put(
                id,
                new Exported(
                        getConventionName(id),
                        description == null ? " " : description,
                        Labels.of(names, values),
                        timer));
        return new CumulativeFunctionTimer<>(
                id, obj, countFunction, totalTimeFunction, totalTimeFunctionUnit, getBaseTimeUnit());
    }

    private MetricSnapshots collectEventTimers() {
        Map<String, List<Exported>> byName = new TreeMap<>();
        for (Exported e : timers.values()) {
            byName.computeIfAbsent(e.name(), n -> new ArrayList<>()).add(e);
        }
        List<MetricSnapshot> snapshots = new ArrayList<>();
        byName.forEach((name, exported) -> {
            List<HistogramSnapshot.HistogramDataPointSnapshot> histograms = new ArrayList<>();
            List<GaugeSnapshot.GaugeDataPointSnapshot> maxima = new ArrayList<>();
            for (Exported e : exported) {
                histograms.add(HistogramSnapshot.HistogramDataPointSnapshot.builder()
                        .classicHistogramBuckets(buckets(e.timer()))
                        .sum(e.timer().totalTime() / perSecond(e.timer()))
                        .labels(e.labels())
                        .build());
                maxima.add(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                        .value(e.timer().windowMax(TimeUnit.SECONDS))
                        .labels(e.labels())
                        .build());
            }
            String help = exported.get(0).help();
            snapshots.add(new HistogramSnapshot(new MetricMetadata(name, help, null), histograms));
            snapshots.add(new GaugeSnapshot(new MetricMetadata(name + "_max", help, null), maxima));
        });
        return new MetricSnapshots(snapshots);
    }

    /**
     * Per-bucket counts at upper bounds that are exact bucket edges of the timer (a quarter of a
     * power of two apart), from 1 ms to 60 s, then +Inf.
     */
    static ClassicHistogramBuckets buckets(EventTimer timer) {
        long[] counts = timer.counts();
        double perSecond = perSecond(timer);
        List<Double> bounds = new ArrayList<>();
        List<Long> perBucket = new ArrayList<>();
        int from = 0;
        for (long edge : edges()) {
            double le = (edge - 1) / perSecond; // values are whole units: v < edge is v <= edge - 1
            if (le < MIN_SECONDS) {
                continue;
            }
            if (le > MAX_SECONDS) {
                break;
            }
            int to = EventTimer.index(edge);
            long n = 0;
            for (int i = from; i < to; i++) {
                n += counts[i];
            }
            bounds.add(le);
            perBucket.add(n);
            from = to;
        }
        long rest = 0;
        for (int i = from; i < counts.length; i++) {
            rest += counts[i];
        }
        bounds.add(Double.POSITIVE_INFINITY);
        perBucket.add(rest);
        return ClassicHistogramBuckets.of(bounds, perBucket);
    }

    private static double perSecond(EventTimer timer) {
        return timer.unit().convert(1, TimeUnit.SECONDS);
    }

    /** 1, 2, 3, then 4, 5, 6, 7 times each power of two: all lower edges of {@link EventTimer}'s buckets. */
    private static List<Long> edges() {
        List<Long> edges = new ArrayList<>(List.of(1L, 2L, 3L));
        for (int shift = 0; shift < 60; shift++) {
            for (long m = 4; m <= 7; m++) {
                edges.add(m << shift);
            }
        }
        return edges;
    }
}
