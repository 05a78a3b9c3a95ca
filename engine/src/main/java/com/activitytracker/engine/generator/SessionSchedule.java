package com.activitytracker.engine.generator;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The active sessions, ordered by when each one's user acts next (nanoseconds since the epoch).
 *
 * <p>A min-heap over parallel arrays rather than a {@code PriorityQueue}: comparisons read a
 * {@code long[]} instead of chasing session objects, and the common step, "the first session acted,
 * it acts again later", is one sift-down instead of a poll and an offer. At 100,000 events a second
 * this heap holds half a million sessions.
 *
 * <p>Four children per node rather than two: half the levels (10 instead of 19 at half a million),
 * and a node's four due times share one cache line, so a sift-down takes half the cache misses and
 * moves half the session references. Each such move writes into a long-lived array that G1's
 * refinement threads then rescan; sift-downs were the producer thread's largest item
 * (docs/BENCHMARKS.md).
 */
final class SessionSchedule {
    private static final int INITIAL_CAPACITY = 64;

    private long[] due = new long[INITIAL_CAPACITY];
    private ShopSession[] sessions = new ShopSession[INITIAL_CAPACITY];
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    ShopSession first() {
        return sessions[0];
    }

    long firstDue() {
        return due[0];
    }

    void add(ShopSession session, long dueAt) {
        if (size == due.length) {
            due = Arrays.copyOf(due, size * 2);
            sessions = Arrays.copyOf(sessions, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            if (due[parent] <= dueAt) {
                break;
            }
            due[i] = due[parent];
            sessions[i] = sessions[parent];
            i = parent;
        }
        due[i] = dueAt;
        sessions[i] = session;
    }

    /** Moves the first session to its new place in the order. */
    void rescheduleFirst(long dueAt) {
        siftDown(0, sessions[0], dueAt);
    }

    ShopSession removeFirst() {
        ShopSession first = sessions[0];
        int last = --size;
        ShopSession moved = sessions[last];
        long movedDue = due[last];
        sessions[last] = null;
        if (last > 0) {
            siftDown(0, moved, movedDue);
        }
        shrinkIfSparse();
        return first;
    }

    void clear(Consumer<ShopSession> onRemoved) {
        for (int i = 0; i < size; i++) {
            onRemoved.accept(sessions[i]);
        }
        due = new long[INITIAL_CAPACITY];
        sessions = new ShopSession[INITIAL_CAPACITY];
        size = 0;
    }

    private void siftDown(int i, ShopSession session, long dueAt) {
        while (true) {
            int firstChild = 4 * i + 1;
            if (firstChild >= size) {
                break;
            }
            int child = firstChild;
            int lastChild = Math.min(firstChild + 4, size);
            for (int c = firstChild + 1; c < lastChild; c++) {
                if (due[c] < due[child]) {
                    child = c;
                }
            }
            if (dueAt <= due[child]) {
                break;
            }
            due[i] = due[child];
            sessions[i] = sessions[child];
            i = child;
        }
        due[i] = dueAt;
        sessions[i] = session;
    }

    /** Gives memory back after the rate drops from tens of thousands of events a second. */
    private void shrinkIfSparse() {
        if (due.length > INITIAL_CAPACITY && size < due.length / 4) {
            int capacity = Math.max(INITIAL_CAPACITY, due.length / 2);
            due = Arrays.copyOf(due, capacity);
            sessions = Arrays.copyOf(sessions, capacity);
        }
    }
}
