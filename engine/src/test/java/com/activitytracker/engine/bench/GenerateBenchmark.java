package com.activitytracker.engine.bench;

import com.activitytracker.engine.event.ActivityEvent;
import com.activitytracker.engine.event.ActivityEventCodec;
import com.activitytracker.engine.producer.GeneratedTraffic;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the producer thread pays per event before Kafka sees it: generating the simulated event and
 * encoding it to JSON, at the population of sessions the unlimited rate sizes for, with the clock
 * read the way the producer reads it (once per batch of permits). Run as described in {@link Benchmarks}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class GenerateBenchmark {
    private static final int EVENTS_PER_CLOCK_READ = 64;

    private final ActivityEventCodec codec = new ActivityEventCodec();
    private final JacksonEncodeBaseline baseline = new JacksonEncodeBaseline();
    private final Clock clock = Clock.systemUTC();
    private GeneratedTraffic traffic;
    private Instant now;
    private int sinceClockRead;

    @Setup
    public void openShop() {
        traffic = new GeneratedTraffic(42);
        traffic.setTargetRate(Double.POSITIVE_INFINITY);
        now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private Instant now() {
        if (++sinceClockRead == EVENTS_PER_CLOCK_READ) {
            sinceClockRead = 0;
            now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        }
        return now;
    }

    @Benchmark
    public ActivityEvent generate() {
        return traffic.next(now());
    }

    @Benchmark
    public byte[] generateAndEncode() {
        return codec.encode(traffic.next(now()));
    }

    /** The generator-per-event encoder this one replaced, for the before/after pair. */
    @Benchmark
    public byte[] generateAndEncodeWithJacksonBaseline() {
        return baseline.encode(traffic.next(now()));
    }
}
