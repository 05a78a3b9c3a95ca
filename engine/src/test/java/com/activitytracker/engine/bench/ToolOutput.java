package com.activitytracker.engine.bench;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the figures out of what Kafka's tools and our commands print at the end of a run. */
final class ToolOutput {
    // ProducerPerformance's final line is the one with percentiles; its 5-second progress lines have none
    private static final Pattern PRODUCER_PERFORMANCE =
            Pattern.compile("(?m)^(\\d+) records sent, ([\\d.]+) records/sec .* ms 50th, .*$");
    private static final Pattern E2E_AVERAGE = Pattern.compile("(?m)^Avg latency: ([\\d.]+) ms");
    private static final Pattern E2E_PERCENTILES =
            Pattern.compile("(?m)^Percentiles: 50th = (\\d+), 99th = (\\d+), 99\\.9th = (\\d+)");
    private static final Pattern OUR_RATE = Pattern.compile("(?m)^Average rate: ([\\d.]+) events/second");
    private static final Pattern OUR_DELIVERED = Pattern.compile("(?m)^Successful deliveries: (\\d+)");
    private static final Pattern OUR_FAILED = Pattern.compile("(?m)^Failed deliveries: (\\d+)");

    // ConsumerPerformance's data line: start, end, MB, MB/s, messages, messages/s, rebalance ms, fetch ms, fetch MB/s,
    // fetch messages/s
    private static final Pattern CONSUMER_PERFORMANCE = Pattern.compile(
            "(?m)^[^,]+, [^,]+, [\\d.]+, [\\d.]+, (\\d+), [\\d.]+, -?\\d+, \\d+, [\\d.]+, ([\\d.]+)\\s*$");

    private ToolOutput() {}

    /** ConsumerPerformance's messages read and its fetch rate (messages/s, without the group's join time). */
    record ConsumerPerformance(long messages, double fetchMessagesPerSecond) {}

    static Optional<ConsumerPerformance> consumerPerformance(String output) {
        Matcher m = CONSUMER_PERFORMANCE.matcher(output);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new ConsumerPerformance(Long.parseLong(m.group(1)), Double.parseDouble(m.group(2))));
    }

    /** ProducerPerformance's own records/s over the whole run. */
    static Optional<Double> producerPerformanceRate(String output) {
        Matcher m = PRODUCER_PERFORMANCE.matcher(output);
        Double rate = null;
        while (m.find()) {
            rate = Double.parseDouble(m.group(2));
        }
        return Optional.ofNullable(rate);
    }

    /** EndToEndLatency's figures; it prints whole milliseconds for the percentiles. */
    record EndToEndLatency(double averageMillis, long p50Millis, long p99Millis, long p999Millis) {}

    static Optional<EndToEndLatency> endToEndLatency(String output) {
        Matcher avg = E2E_AVERAGE.matcher(output);
        Matcher pct = E2E_PERCENTILES.matcher(output);
        if (!avg.find() || !pct.find()) {
            return Optional.empty();
        }
        return Optional.of(new EndToEndLatency(
                Double.parseDouble(avg.group(1)),
                Long.parseLong(pct.group(1)),
                Long.parseLong(pct.group(2)),
                Long.parseLong(pct.group(3))));
    }

    /** Our producer's final statistics: the rate it reports, and how many were acknowledged and failed. */
    record OurProducer(double eventsPerSecond, long delivered, long failed) {}

    static Optional<OurProducer> ourProducer(String output) {
        Matcher rate = OUR_RATE.matcher(output);
        Matcher delivered = OUR_DELIVERED.matcher(output);
        Matcher failed = OUR_FAILED.matcher(output);
        if (!rate.find() || !delivered.find() || !failed.find()) {
            return Optional.empty();
        }
        return Optional.of(new OurProducer(
                Double.parseDouble(rate.group(1)),
                Long.parseLong(delivered.group(1)),
                Long.parseLong(failed.group(1))));
    }
}
