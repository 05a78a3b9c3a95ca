package com.activitytracker.engine.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.time.Duration;

/**
 * Gives every tracker timer a percentile histogram, so Prometheus can compute any quantile across
 * time and processes ({@code histogram_quantile}); the client-side percentiles the engine reads for
 * its own figures stay as they are. Buckets span 1 ms to 60 s, what an event's path through Kafka
 * takes, which keeps each timer to a few dozen series.
 */
final class LatencyHistograms implements MeterFilter {
    static final String PREFIX = "tracker.";

    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (id.getType() != Meter.Type.TIMER || !id.getName().startsWith(PREFIX)) {
            return config;
        }
        return DistributionStatisticConfig.builder()
                .percentilesHistogram(true)
                .minimumExpectedValue((double) Duration.ofMillis(1).toNanos())
                .maximumExpectedValue((double) Duration.ofSeconds(60).toNanos())
                .build()
                .merge(config);
    }
}
