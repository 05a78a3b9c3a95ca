package com.activitytracker.engine;

import com.activitytracker.engine.observability.EventTimer;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.util.concurrent.TimeUnit;

/** Median and 99th percentile of a latency over the recent past, in milliseconds. */
public record LatencyPercentiles(double p50Millis, double p99Millis, long count) {
    public static final LatencyPercentiles NONE = new LatencyPercentiles(0, 0, 0);

    /** Reads a consumer's timer: percentiles over its recent window, count since the start. */
    public static LatencyPercentiles of(EventTimer timer) {
        long count = timer.count();
        double[] p = timer.percentiles(TimeUnit.MILLISECONDS, 0.5, 0.99);
        return new LatencyPercentiles(p[0], p[1], count);
    }

    /** Reads a timer that publishes the 0.5 and 0.99 percentiles. */
    public static LatencyPercentiles of(Timer timer) {
        HistogramSnapshot snapshot = timer.takeSnapshot();
        double p50 = 0;
        double p99 = 0;
        for (ValueAtPercentile v : snapshot.percentileValues()) {
            if (v.percentile() == 0.5) {
                p50 = v.value(TimeUnit.MILLISECONDS);
            } else if (v.percentile() == 0.99) {
                p99 = v.value(TimeUnit.MILLISECONDS);
            }
        }
        return new LatencyPercentiles(p50, p99, snapshot.count());
    }
}
