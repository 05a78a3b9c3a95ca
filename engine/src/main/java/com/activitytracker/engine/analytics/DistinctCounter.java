package com.activitytracker.engine.analytics;

/**
 * Counts distinct strings (by their {@link Hash64} hash) exactly up to a limit, then estimates.
 *
 * <p>Why the switch: analytics keeps six distinct counts (users, sessions, four funnel steps) for as
 * long as the consumer runs. Exact sets grow with every new user — at a million users, six
 * {@code HashSet<String>}s hold some 400 MB of entries and strings. Demos and tests mostly see a few
 * thousand users and deserve exact figures that match hand counts, so the counter keeps an exact set
 * until {@code exactLimit} distinct values, then replays it into a {@link HyperLogLog} (16 KiB,
 * about 0.8 % standard error) and stays there. Memory per counter is therefore bounded by the exact
 * set at its limit (2 MiB for 100,000 entries).
 *
 * <p>The exact set is an open-addressing table of the 64-bit hashes rather than of the strings: a
 * quarter of the memory, no allocation per insert, no reference to the events' strings, and the
 * same hashes feed the sketch on the switch. Two different ids collide only with probability about
 * n²/2^65 (below 10^-9 at 100,000 ids), which is what "exact" means here.
 *
 * <p>Not thread-safe; owned by one {@link AnalyticsState}.
 */
final class DistinctCounter {
    private static final int INITIAL_CAPACITY = 16;

    private final int exactLimit;
    private long[] table;
    private int size;
    /** 0 marks an empty slot in {@link #table}, so a hash of 0 is remembered here instead. */
    private boolean containsZero;

    private HyperLogLog sketch;

    DistinctCounter(int exactLimit) {
        if (exactLimit < 1) {
            throw new IllegalArgumentException("exactLimit must be positive, not " + exactLimit);
        }
        this.exactLimit = exactLimit;
        this.table = new long[INITIAL_CAPACITY];
    }

    void add(String value) {
        add(Hash64.of(value));
    }

    void add(long hash) {
        if (sketch != null) {
            sketch.add(hash);
            return;
        }
        if (!insert(hash)) {
            return;
        }
        size++;
        if (size > exactLimit) {
            switchToSketch();
        } else if (size * 2 > table.length) {
            grow();
        }
    }

    long count() {
        return sketch == null ? size : sketch.estimate();
    }

    boolean isExact() {
        return sketch == null;
    }

    void reset() {
        table = new long[INITIAL_CAPACITY];
        size = 0;
        containsZero = false;
        sketch = null;
    }

    /** @return whether the hash was new */
    private boolean insert(long hash) {
        if (hash == 0) {
            boolean added = !containsZero;
            containsZero = true;
            return added;
        }
        return insertInto(table, hash);
    }

    private static boolean insertInto(long[] slots, long hash) {
        int mask = slots.length - 1;
        // Hash64 output is already mixed, so its low bits index the table; the sketch uses the high bits.
        int i = (int) hash & mask;
        while (true) {
            long current = slots[i];
            if (current == 0) {
                slots[i] = hash;
                return true;
            }
            if (current == hash) {
                return false;
            }
            i = (i + 1) & mask;
        }
    }

    private void grow() {
        long[] bigger = new long[table.length * 2];
        for (long hash : table) {
            if (hash != 0) {
                insertInto(bigger, hash);
            }
        }
        table = bigger;
    }

    private void switchToSketch() {
        HyperLogLog hll = new HyperLogLog();
        for (long hash : table) {
            if (hash != 0) {
                hll.add(hash);
            }
        }
        if (containsZero) {
            hll.add(0L);
        }
        sketch = hll;
        table = null;
        size = 0;
    }
}
