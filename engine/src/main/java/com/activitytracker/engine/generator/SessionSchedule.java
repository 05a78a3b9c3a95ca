package com.activitytracker.engine.generator;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The active sessions, ordered by when each one's user acts next (nanoseconds since the epoch).
 *
 * <p>A binary min-heap over parallel arrays rather than a {@code PriorityQueue}: comparisons read
 * a {@code long[]} instead of chasing session objects, and the common step, "the first session
 * acted, it acts again later", is one sift-down instead of a poll and an offer. At 50,000 events a
 * second this heap holds a quarter of a million sessions.
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
            int parent = (i - 1) >>> 1;
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
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && due[right] < due[child]) {
                child = right;
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
