package com.activitytracker.engine.bench;

import com.activitytracker.engine.event.ActivityEvent;
import com.activitytracker.engine.event.ActivityEventCodec;
import com.activitytracker.engine.event.InvalidEventException;
import com.activitytracker.engine.producer.GeneratedTraffic;
import java.time.Instant;
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
 * What one consumer pays to decode and validate one record of the producer's traffic. A pool of
 * records with the timestamps a real stream has (a new millisecond every few events) is cycled, so
 * the branch predictor and the caches see a stream, not one record. Run as described in
 * {@link Benchmarks}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class DecodeBenchmark {
    private static final int POOL = 4096;

    private final ActivityEventCodec codec = new ActivityEventCodec();
    private final TreeDecodeBaseline baseline = new TreeDecodeBaseline();
    private byte[][] records;
    private int next;

    @Setup
    public void encodeTraffic() {
        GeneratedTraffic traffic = new GeneratedTraffic(42);
        traffic.setTargetRate(50_000);
        records = new byte[POOL][];
        Instant t = Instant.parse("2026-11-26T10:30:45.123Z");
        for (int i = 0; i < POOL; i++) {
            records[i] = codec.encode(traffic.next(t.plusMillis(i / 8)));
        }
    }

    @Benchmark
    public ActivityEvent decode() throws InvalidEventException {
        byte[] r = records[next];
        next = (next + 1) & (POOL - 1);
        return codec.decode(r);
    }

    /** The tree-building decoder this one replaced, for the before/after pair. */
    @Benchmark
    public ActivityEvent decodeWithTreeBaseline() throws InvalidEventException {
        byte[] r = records[next];
        next = (next + 1) & (POOL - 1);
        return baseline.decode(r);
    }
}
