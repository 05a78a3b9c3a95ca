package com.activitytracker.engine.fraud;

import java.util.Arrays;
import java.util.List;

/**
 * One user's events for one rule, oldest first: each event's time and id side by side in one
 * {@code long} array (the id packed by {@link EventIds}), so that the steady state allocates nothing
 * per event and writes no reference into the long-lived window. An id that does not pack is kept as a
 * string in a second array, made only when the first such id arrives. Late events are inserted in
 * time order; they are rare and land near the end, so the shift is short.
 */
final class RuleWindow extends RuleState {
    /**
     * At least this many events are kept even when the threshold is lower, so that the count an
     * alert reports is the real one in all but floods; past it, the oldest are dropped and the
     * count reads as "at least".
     */
    static final int MIN_RETAINED = 1000;

    /** Longs per event: time, id's high half, id's low half. */
    private static final int STRIDE = 3;

    private static final long[] NO_ENTRIES = {};
    private static final int MIN_CAPACITY = 2;

    private long[] entries = NO_ENTRIES;
    /** Ids that do not pack, by event index; null until there is one. */
    private String[] otherIds;

    private int start;
    private int end;

    /** How many events to keep for a rule whose threshold is {@code threshold}. */
    static int retainedFor(int threshold) {
        return Math.max(threshold, MIN_RETAINED);
    }

    int size() {
        return end - start;
    }

    /** Forgets the events at or before {@code cutoffMillis}. */
    void evictUpTo(long cutoffMillis) {
        while (start < end && time(start) <= cutoffMillis) {
            dropOldest();
        }
        if (start == end) {
            start = 0;
            end = 0;
        }
    }

    /** Adds an event in time order, keeping at most {@code limit} events by dropping the oldest. */
    void add(long timeMillis, String eventId, int limit) {
        if (size() >= limit && timeMillis < time(start)) {
            return;
        }
        while (size() >= limit) {
            dropOldest();
        }
        makeRoomAtEnd();
        int pos = end;
        while (pos > start && time(pos - 1) > timeMillis) {
            pos--;
        }
        System.arraycopy(entries, pos * STRIDE, entries, (pos + 1) * STRIDE, (end - pos) * STRIDE);
        if (otherIds != null) {
            System.arraycopy(otherIds, pos, otherIds, pos + 1, end - pos);
            otherIds[pos] = null;
        }
        entries[pos * STRIDE] = timeMillis;
        if (!EventIds.pack(eventId, entries, pos * STRIDE + 1)) {
            if (otherIds == null) {
                otherIds = new String[entries.length / STRIDE];
            }
            otherIds[pos] = eventId;
        }
        end++;
    }

    /** How many of the events happened at or before {@code timeMillis}. */
    int countUpTo(long timeMillis) {
        int lo = start;
        int hi = end;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (time(mid) <= timeMillis) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - start;
    }

    /** Ids of the {@code count} oldest events. */
    List<String> oldestIds(int count) {
        String[] ids = new String[count];
        for (int i = 0; i < count; i++) {
            ids[i] = id(start + i);
        }
        return Arrays.asList(ids);
    }

    List<String> ids() {
        return oldestIds(size());
    }

    private long time(int index) {
        return entries[index * STRIDE];
    }

    private String id(int index) {
        String other = otherIds == null ? null : otherIds[index];
        return other != null ? other : EventIds.unpack(entries[index * STRIDE + 1], entries[index * STRIDE + 2]);
    }

    private void dropOldest() {
        if (otherIds != null) {
            otherIds[start] = null;
        }
        start++;
    }

    /**
     * Compacts or resizes when the end is reached: to twice the live size, so a steady window
     * compacts in place, a growing one doubles and one left large by a burst shrinks again.
     */
    private void makeRoomAtEnd() {
        int length = entries.length / STRIDE;
        if (end < length) {
            return;
        }
        int size = size();
        int wanted = Math.max(MIN_CAPACITY, size * 2);
        int capacity = wanted > length || wanted <= length / 2 ? wanted : length;
        long[] newEntries = capacity == length ? entries : new long[capacity * STRIDE];
        System.arraycopy(entries, start * STRIDE, newEntries, 0, size * STRIDE);
        if (otherIds != null) {
            String[] newOthers = capacity == length ? otherIds : new String[capacity];
            System.arraycopy(otherIds, start, newOthers, 0, size);
            if (newOthers == otherIds) {
                Arrays.fill(otherIds, size, end, null);
            }
            otherIds = newOthers;
        }
        entries = newEntries;
        start = 0;
        end = size;
    }
}
