package com.activitytracker.engine.producer;

import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Send latencies taken on Kafka's I/O thread and recorded into their Micrometer timer later, on the
 * producer's own thread. Recording straight from the acknowledgement callback put the timer's
 * percentile histograms inside the callback chain that Kafka's I/O thread runs per record: the JIT
 * compiled that chain four times over (each of its layers as its own root, the timer inlined in
 * each, about 8 KB of bytecode), then again when the histograms first rotated (docs/BENCHMARKS.md).
 * Now the callback writes one {@code long} into a ring.
 *
 * <p>A drain records what was added since the last one, the newest {@link #CAPACITY} / 2 at most:
 * a drain that comes later than that skips the oldest, as any sample would, and leaves the other
 * half of the ring to the writer meanwhile. One writer at a time (Kafka's I/O thread runs every
 * acknowledgement), one drainer.
 */
final class LatencySamples {
    /** A second of samples at 250,000 acknowledgements a second, one in 16 sampled, twice over. */
    static final int CAPACITY = 32_768;

    private static final int MASK = CAPACITY - 1;

    private final long[] nanos = new long[CAPACITY];
    private final AtomicLong written = new AtomicLong();
    private long drained;

    void add(long latencyNanos) {
        long index = written.getAndIncrement();
        nanos[(int) (index & MASK)] = latencyNanos;
    }

    /** Records the samples added since the last drain into {@code timer}; the writer may be writing meanwhile. */
    void drainTo(Timer timer) {
        // the writer claims an index, then stores: every sample before the newest claimed one is
        // stored, and visible here because the writer's next claim came after its store
        drainUpTo(written.get() - 1, timer);
    }

    /** As {@link #drainTo}, once the writer has stopped and its writes are visible to this thread. */
    void drainLastTo(Timer timer) {
        drainUpTo(written.get(), timer);
    }

    private void drainUpTo(long end, Timer timer) {
        for (long i = Math.max(drained, end - CAPACITY / 2); i < end; i++) {
            timer.record(nanos[(int) (i & MASK)], TimeUnit.NANOSECONDS);
        }
        drained = Math.max(drained, end);
    }
}
