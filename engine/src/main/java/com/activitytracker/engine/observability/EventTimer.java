package com.activitytracker.engine.observability;

import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A per-event timer for a consumer's hot path: one thread records (a few plain array updates, no
 * lock, no allocation, no clock read), any thread reads. Every registry reads the same recording
 * when it is scraped, instead of each registry of a composite recording every event again:
 *
 * <ul>
 *   <li>Micrometer sees a {@link FunctionTimer} (count and total): JMX, and any registry in tests;
 *   <li>the Prometheus registry of {@link MetricsExport} exports it as a histogram ({@code _bucket},
 *       {@code _count}, {@code _sum}) and a {@code _max} gauge, the names a Micrometer timer had;
 *   <li>the console reads median and 99th percentile over a recent window ({@link #percentiles}).
 * </ul>
 *
 * <p>Buckets are log-linear: values below 32 (in the timer's unit) are exact, above that each power
 * of two is cut into 16 equal buckets, so a percentile is within 1/32 (3 %) of the true value.
 * The bucket of a value is found with a leading-zero count, not a search.
 *
 * <p>Recent-window percentiles: the cumulative counts are copied a few times per window (by the
 * owner's tick, by a reader, or by the writer every few thousand events, whichever comes first);
 * the window is the current counts minus the oldest copy, so it covers between two thirds of the
 * window and the whole window, as Micrometer's rotating histograms do.
 */
public final class EventTimer {
    static final int SUB_BITS = 4;
    static final int SUB = 1 << SUB_BITS;
    /** Every long >= 0 has a bucket. */
    static final int BUCKETS = (64 - SUB_BITS) * SUB;

    private static final int COUNT = BUCKETS;
    private static final int SUM = BUCKETS + 1;
    private static final int MAX = BUCKETS + 2;
    private static final int SLOTS = 3;
    private static final int WRITER_CHECK_EVERY = 4096;

    /** The meter each timer was registered as, to find the timer from its registry (held weakly). */
    private static final Map<Meter, EventTimer> BY_METER = Collections.synchronizedMap(new WeakHashMap<>());

    private final TimeUnit unit;
    private final long windowNanos;
    private final long rotateNanos;
    /** Buckets, then count, sum and maximum; written by one thread with opaque stores, read with opaque loads. */
    private final AtomicLongArray cells = new AtomicLongArray(BUCKETS + 3);

    /** Copies of the bucket counts, oldest first, and when they were taken; guarded by itself. */
    private final ArrayDeque<Copy> copies = new ArrayDeque<>();

    private volatile long lastCopy;
    private int sinceCheck;

    private record Copy(long nanos, long[] counts) {}

    /** @param window how far back {@link #percentiles} look */
    public EventTimer(TimeUnit unit, Duration window) {
        this.unit = unit;
        this.windowNanos = window.toNanos();
        this.rotateNanos = Math.max(1, windowNanos / SLOTS);
        long now = System.nanoTime();
        copies.add(new Copy(now, new long[BUCKETS]));
        lastCopy = now;
    }

    /**
     * Registers the timer under {@code name} (with {@code tags}, key then value) and returns it.
     *
     * @param unit   the unit values are recorded in: whole milliseconds are exact up to 31 ms
     * @param window how far back the client-side percentiles look
     */
    public static EventTimer register(
            MeterRegistry registry, String name, String description, TimeUnit unit, Duration window, String... tags) {
        EventTimer timer = new EventTimer(unit, window);
        FunctionTimer meter = FunctionTimer.builder(name, timer, EventTimer::count, EventTimer::totalTime, unit)
                .description(description)
                .tags(tags)
                .register(registry);
        BY_METER.put(meter, timer);
        return timer;
    }

    /** The timer a meter found in a registry was registered for (e.g. {@code registry.get(name).meter()}). */
    public static Optional<EventTimer> of(Meter meter) {
        return Optional.ofNullable(BY_METER.get(meter));
    }

    /** Records one value in the timer's unit; negative values count as 0. Owner thread only. */
    public void record(long amount) {
        long v = Math.max(0, amount);
        AtomicLongArray c = cells;
        int i = index(v);
        c.setOpaque(i, c.getPlain(i) + 1);
        c.setOpaque(COUNT, c.getPlain(COUNT) + 1);
        c.setOpaque(SUM, c.getPlain(SUM) + v);
        if (v > c.getPlain(MAX)) {
            c.setOpaque(MAX, v);
        }
        if (++sinceCheck >= WRITER_CHECK_EVERY) {
            sinceCheck = 0;
            rotate();
        }
    }

    /** Takes a copy for the recent window when one is due; cheap otherwise. Any thread. */
    public void rotate() {
        long now = System.nanoTime();
        if (now - lastCopy < rotateNanos) {
            return;
        }
        synchronized (copies) {
            rotateLocked(now);
        }
    }

    private void rotateLocked(long now) {
        if (now - copies.peekLast().nanos() < rotateNanos) {
            return;
        }
        long[] counts = new long[BUCKETS];
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] = cells.getOpaque(i);
        }
        copies.addLast(new Copy(now, counts));
        while (copies.size() > SLOTS) {
            copies.removeFirst();
        }
        lastCopy = now;
    }

    public TimeUnit unit() {
        return unit;
    }

    /** Values recorded since the start. */
    public long count() {
        return cells.getOpaque(COUNT);
    }

    /** Sum of the values recorded since the start, in the timer's unit. */
    public double totalTime() {
        return cells.getOpaque(SUM);
    }

    /** Largest value recorded since the start, in the timer's unit. */
    public long max() {
        return cells.getOpaque(MAX);
    }

    /**
     * The given percentiles (0..1) of the values recorded over the recent window, in {@code out};
     * 0 when nothing was recorded in it.
     */
    public double[] percentiles(TimeUnit out, double... percentiles) {
        long[] window = window();
        long n = 0;
        for (long w : window) {
            n += w;
        }
        double[] values = new double[percentiles.length];
        if (n == 0) {
            return values;
        }
        long max = max();
        for (int p = 0; p < percentiles.length; p++) {
            long rank = Math.max(1, (long) Math.ceil(percentiles[p] * n));
            long seen = 0;
            for (int i = 0; i < BUCKETS; i++) {
                seen += window[i];
                if (seen >= rank) {
                    values[p] = convert(Math.min(max, middle(i)), out);
                    break;
                }
            }
        }
        return values;
    }

    /** Largest value over the recent window, within a bucket's width, in {@code out}. */
    public double windowMax(TimeUnit out) {
        long[] window = window();
        for (int i = BUCKETS - 1; i >= 0; i--) {
            if (window[i] > 0) {
                return convert(Math.min(max(), upper(i) - 1), out);
            }
        }
        return 0;
    }

    /** Bucket counts since the start (not cumulative), for the Prometheus histogram. */
    long[] counts() {
        long[] counts = new long[BUCKETS];
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] = cells.getOpaque(i);
        }
        return counts;
    }

    /** Bucket counts over the recent window. */
    private long[] window() {
        long now = System.nanoTime();
        long[] base;
        synchronized (copies) {
            rotateLocked(now);
            base = null;
            for (Copy copy : copies) {
                if (now - copy.nanos() <= windowNanos) {
                    base = copy.counts();
                    break;
                }
            }
            if (base == null) {
                base = copies.peekLast().counts();
            }
        }
        long[] window = counts();
        for (int i = 0; i < BUCKETS; i++) {
            window[i] = Math.max(0, window[i] - base[i]);
        }
        return window;
    }

    private double convert(long value, TimeUnit out) {
        return (double) value * unit.toNanos(1) / out.toNanos(1);
    }

    /** The bucket holding {@code v} (v >= 0). */
    static int index(long v) {
        if (v < SUB) {
            return (int) v;
        }
        int exp = 63 - Long.numberOfLeadingZeros(v);
        int shift = exp - SUB_BITS;
        return ((shift + 1) << SUB_BITS) + (int) ((v >>> shift) & (SUB - 1));
    }

    /** Smallest value of bucket {@code i}. */
    static long lower(int i) {
        if (i < SUB) {
            return i;
        }
        int shift = (i >>> SUB_BITS) - 1;
        return (long) (SUB + (i & (SUB - 1))) << shift;
    }

    /** One past the largest value of bucket {@code i} (saturates at Long.MAX_VALUE). */
    static long upper(int i) {
        if (i == BUCKETS - 1) {
            return Long.MAX_VALUE;
        }
        return lower(i + 1);
    }

    private static long middle(int i) {
        long lower = lower(i);
        return lower + (upper(i) - lower) / 2;
    }
}
