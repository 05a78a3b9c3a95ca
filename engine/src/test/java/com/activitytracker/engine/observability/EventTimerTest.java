package com.activitytracker.engine.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.activitytracker.engine.config.MetricsPort;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class EventTimerTest {
    private static final Duration WINDOW = Duration.ofMinutes(1);

    @Test
    void everyValueFallsInTheBucketBetweenItsEdges() {
        Random random = new Random(7);
        for (int n = 0; n < 100_000; n++) {
            long v = n < 5_000 ? n : random.nextLong() >>> (1 + random.nextInt(63));
            int i = EventTimer.index(v);
            assertThat(i).isBetween(0, EventTimer.BUCKETS - 1);
            assertThat(EventTimer.lower(i)).isLessThanOrEqualTo(v);
            assertThat(v).isLessThanOrEqualTo(EventTimer.upper(i) - 1);
        }
        assertThat(EventTimer.index(Long.MAX_VALUE)).isEqualTo(EventTimer.BUCKETS - 1);
        for (int i = 1; i < EventTimer.BUCKETS; i++) {
            assertThat(EventTimer.lower(i)).isEqualTo(EventTimer.upper(i - 1));
        }
    }

    @Test
    void smallWholeValuesAreExact() {
        EventTimer timer = new EventTimer(TimeUnit.MILLISECONDS, WINDOW);
        for (int i = 0; i < 1000; i++) {
            timer.record(2);
        }
        timer.record(31);
        double[] p = timer.percentiles(TimeUnit.MILLISECONDS, 0.5, 0.99, 1.0);
        assertThat(p).containsExactly(2.0, 2.0, 31.0);
        assertThat(timer.count()).isEqualTo(1001);
        assertThat(timer.totalTime()).isEqualTo(2031.0);
        assertThat(timer.max()).isEqualTo(31);
    }

    @Test
    void percentilesAreWithinTheBucketResolutionOfTheExactValues() {
        Random random = new Random(42);
        long[][] distributions = {
            uniform(random, 200_000, 1, 10_000_000), // nanoseconds, 1 ns .. 10 ms
            logNormal(random, 200_000, 2_000_000, 1.0), // around 2 ms, long tail
            bimodal(random, 200_000)
        };
        for (long[] values : distributions) {
            EventTimer timer = new EventTimer(TimeUnit.NANOSECONDS, WINDOW);
            long sum = 0;
            for (long v : values) {
                timer.record(v);
                sum += v;
            }
            long[] sorted = values.clone();
            Arrays.sort(sorted);
            double[] ps = {0.5, 0.9, 0.95, 0.99, 0.999};
            double[] got = timer.percentiles(TimeUnit.NANOSECONDS, ps);
            for (int k = 0; k < ps.length; k++) {
                long exact = sorted[(int) Math.ceil(ps[k] * sorted.length) - 1];
                assertThat(got[k]).as("p%s", ps[k] * 100).isCloseTo(exact, within(exact / 32.0 + 1));
            }
            assertThat(timer.count()).isEqualTo(values.length);
            assertThat(timer.totalTime()).isEqualTo((double) sum);
            assertThat(timer.max()).isEqualTo(sorted[sorted.length - 1]);
            assertThat(timer.windowMax(TimeUnit.NANOSECONDS))
                    .isCloseTo(sorted[sorted.length - 1], within(sorted[sorted.length - 1] / 16.0));
        }
    }

    @Test
    void negativeValuesCountAsZeroAndAnEmptyTimerReadsZero() {
        EventTimer timer = new EventTimer(TimeUnit.MILLISECONDS, WINDOW);
        assertThat(timer.percentiles(TimeUnit.MILLISECONDS, 0.5, 0.99)).containsExactly(0.0, 0.0);
        timer.record(-5);
        assertThat(timer.percentiles(TimeUnit.MILLISECONDS, 0.5)).containsExactly(0.0);
        assertThat(timer.count()).isEqualTo(1);
    }

    @Test
    void micrometerSeesAFunctionTimerWithCountAndTotal() {
        MeterRegistry registry = new SimpleMeterRegistry();
        EventTimer timer = EventTimer.register(
                registry, "tracker.test.latency", "test", TimeUnit.MILLISECONDS, WINDOW, "consumer", "x");
        timer.record(10);
        timer.record(30);
        FunctionTimer meter =
                registry.get("tracker.test.latency").tag("consumer", "x").functionTimer();
        assertThat(meter.count()).isEqualTo(2);
        assertThat(meter.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(40);
        assertThat(EventTimer.of(meter)).containsSame(timer);
    }

    @Test
    void prometheusGetsAHistogramWithBucketsCountSumAndMaxUnderTheTimersName() {
        try (MetricsExport metrics = MetricsExport.start("analytics", new MetricsPort(MetricsPort.OFF))) {
            EventTimer timer = EventTimer.register(
                    metrics.engineScope(),
                    "tracker.consumer.end.to.end.latency",
                    "from the event's timestamp to its processing",
                    TimeUnit.MILLISECONDS,
                    WINDOW,
                    "consumer",
                    "analytics");
            for (int ms = 1; ms <= 1000; ms++) {
                timer.record(ms);
            }
            timer.record(120_000); // beyond the last bucket edge: only in +Inf
            String scrape = metrics.prometheus().scrape();
            String labels = "application=\"activity-tracker\",consumer=\"analytics\",role=\"analytics\"";
            assertThat(scrape)
                    .contains("# TYPE tracker_consumer_end_to_end_latency_seconds histogram")
                    .contains("tracker_consumer_end_to_end_latency_seconds_count{" + labels + "} 1001")
                    .contains("tracker_consumer_end_to_end_latency_seconds_bucket{" + labels + ",le=\"+Inf\"} 1001")
                    .contains("tracker_consumer_end_to_end_latency_seconds_max{" + labels + "}");
            assertThat(bucket(scrape, labels, "0.001")).isEqualTo(1); // 1 ms
            assertThat(bucket(scrape, labels, "0.095")).isEqualTo(95);
            assertThat(bucket(scrape, labels, "0.511")).isEqualTo(511);
            assertThat(bucket(scrape, labels, "57.343")).isEqualTo(1000);
            Matcher sum = Pattern.compile(
                            "tracker_consumer_end_to_end_latency_seconds_sum\\{" + Pattern.quote(labels) + "} (\\S+)")
                    .matcher(scrape);
            assertThat(sum.find()).isTrue();
            assertThat(Double.parseDouble(sum.group(1))).isCloseTo(500.5 + 120, within(1e-6));

            // a replaced engine's timers leave the export with their meters
            metrics.engineScope();
            assertThat(metrics.prometheus().scrape()).doesNotContain("tracker_consumer_end_to_end_latency");
        }
    }

    private static long bucket(String scrape, String labels, String le) {
        Matcher m = Pattern.compile("tracker_consumer_end_to_end_latency_seconds_bucket\\{" + Pattern.quote(labels)
                        + ",le=\"" + Pattern.quote(le) + "\"} (\\d+)")
                .matcher(scrape);
        assertThat(m.find()).as("bucket le=%s in%n%s", le, scrape).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static long[] uniform(Random random, int n, long from, long to) {
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            values[i] = from + (long) (random.nextDouble() * (to - from));
        }
        return values;
    }

    private static long[] logNormal(Random random, int n, double median, double sigma) {
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            values[i] = (long) (median * Math.exp(sigma * random.nextGaussian()));
        }
        return values;
    }

    private static long[] bimodal(Random random, int n) {
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            values[i] = random.nextInt(10) == 0 ? 50_000_000 + random.nextInt(1_000_000) : 3_000 + random.nextInt(500);
        }
        return values;
    }
}
