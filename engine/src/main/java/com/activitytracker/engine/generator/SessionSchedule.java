package com.activitytracker.engine.generator;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The active sessions, ordered by when each one's user acts next (nanoseconds since the epoch).
 *
 * <p>A 4-ary min-heap over two primitive arrays: each entry is a due time and the number of the
 * slot in {@link #sessions} where its session sits. The sessions themselves stay in their slot
 * while they are scheduled, so the common step, "the first session acted, it acts again later",
 * is one sift-down that moves only {@code long}s and {@code int}s. At 100,000 events a second this
 * heap holds half a million sessions, and a long-lived array of session references, rearranged
 * about ten times per event, had every move dirty a card of the old generation that G1's
 * refinement threads then rescanned (docs/BENCHMARKS.md). Now a session reference is written twice
 * per visit: when it arrives and when it leaves.
 *
 * <p>Four children per node rather than two: half the levels, and a node's four due times share one
 * cache line.
 */
final class SessionSchedule {
    private static final int INITIAL_CAPACITY = 64;

    // the heap, in parallel arrays
    private long[] due = new long[INITIAL_CAPACITY];
    private int[] slotOf = new int[INITIAL_CAPACITY];
    private int size;

    // the scheduled sessions by slot; free slots (vacated, below slotsUsed) are reused first
    private ShopSession[] sessions = new ShopSession[INITIAL_CAPACITY];
    private int[] freeSlots = new int[INITIAL_CAPACITY];
    private int freeCount;
    private int slotsUsed;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    ShopSession first() {
        return sessions[slotOf[0]];
    }

    long firstDue() {
        return due[0];
    }

    void add(ShopSession session, long dueAt) {
        if (size == due.length) {
            resize(size * 2);
        }
        // with no free slot every used slot holds a scheduled session, so slotsUsed == size < capacity
        int slot = freeCount > 0 ? freeSlots[--freeCount] : slotsUsed++;
        sessions[slot] = session;
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            if (due[parent] <= dueAt) {
                break;
            }
            due[i] = due[parent];
            slotOf[i] = slotOf[parent];
            i = parent;
        }
        due[i] = dueAt;
        slotOf[i] = slot;
    }

    /** Moves the first session to its new place in the order. */
    void rescheduleFirst(long dueAt) {
        siftDown(0, slotOf[0], dueAt);
    }

    ShopSession removeFirst() {
        int slot = slotOf[0];
        ShopSession first = sessions[slot];
        sessions[slot] = null;
        freeSlots[freeCount++] = slot;
        int last = --size;
        if (last > 0) {
            siftDown(0, slotOf[last], due[last]);
        }
        if (due.length > INITIAL_CAPACITY && size < due.length / 4) {
            // gives memory back after the rate drops from tens of thousands of events a second
            resize(Math.max(INITIAL_CAPACITY, due.length / 2));
        }
        return first;
    }

    void clear(Consumer<ShopSession> onRemoved) {
        for (int i = 0; i < size; i++) {
            onRemoved.accept(sessions[slotOf[i]]);
        }
        due = new long[INITIAL_CAPACITY];
        slotOf = new int[INITIAL_CAPACITY];
        sessions = new ShopSession[INITIAL_CAPACITY];
        freeSlots = new int[INITIAL_CAPACITY];
        size = 0;
        freeCount = 0;
        slotsUsed = 0;
    }

    private void siftDown(int i, int slot, long dueAt) {
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
            slotOf[i] = slotOf[child];
            i = child;
        }
        due[i] = dueAt;
        slotOf[i] = slot;
    }

    /** New arrays of {@code capacity}, the sessions packed into slots 0 .. size - 1 in heap order. */
    private void resize(int capacity) {
        ShopSession[] packed = new ShopSession[capacity];
        for (int i = 0; i < size; i++) {
            packed[i] = sessions[slotOf[i]];
            slotOf[i] = i;
        }
        sessions = packed;
        due = Arrays.copyOf(due, capacity);
        slotOf = Arrays.copyOf(slotOf, capacity);
        freeSlots = new int[capacity];
        freeCount = 0;
        slotsUsed = size;
    }
}
