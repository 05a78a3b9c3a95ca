package com.activitytracker.engine.fraud;

import java.util.Arrays;
import java.util.List;

/**
 * One user's events for one rule, oldest first: event times and ids in two parallel arrays, so
 * that the steady state allocates nothing per event. Late events are inserted in time order;
 * they are rare and land near the end, so the shift is short.
 */
final class RuleWindow extends RuleState {
    /**
     * At least this many events are kept even when the threshold is lower, so that the count an
     * alert reports is the real one in all but floods; past it, the oldest are dropped and the
     * count reads as "at least".
     */
    static final int MIN_RETAINED = 1000;

    private static final long[] NO_TIMES = {};
    private static final String[] NO_IDS = {};
    private static final int MIN_CAPACITY = 4;

    private long[] times = NO_TIMES;
    private String[] ids = NO_IDS;
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
        while (start < end && times[start] <= cutoffMillis) {
            ids[start++] = null;
        }
        if (start == end) {
            start = 0;
            end = 0;
        }
    }

    /** Adds an event in time order, keeping at most {@code limit} events by dropping the oldest. */
    void add(long timeMillis, String eventId, int limit) {
        if (size() >= limit && timeMillis < times[start]) {
            return;
        }
        while (size() >= limit) {
            ids[start++] = null;
        }
        makeRoomAtEnd();
        int pos = end;
        while (pos > start && times[pos - 1] > timeMillis) {
            pos--;
        }
        System.arraycopy(times, pos, times, pos + 1, end - pos);
        System.arraycopy(ids, pos, ids, pos + 1, end - pos);
        times[pos] = timeMillis;
        ids[pos] = eventId;
        end++;
    }

    /** How many of the events happened at or before {@code timeMillis}. */
    int countUpTo(long timeMillis) {
        int lo = start;
        int hi = end;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] <= timeMillis) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - start;
    }

    /** Ids of the {@code count} oldest events. */
    List<String> oldestIds(int count) {
        return Arrays.asList(Arrays.copyOfRange(ids, start, start + count));
    }

    List<String> ids() {
        return oldestIds(size());
    }

    /**
     * Compacts or resizes when the end is reached: to twice the live size, so a steady window
     * compacts in place, a growing one doubles and one left large by a burst shrinks again.
     */
    private void makeRoomAtEnd() {
        if (end < times.length) {
            return;
        }
        int size = size();
        int wanted = Math.max(MIN_CAPACITY, size * 2);
        int capacity = wanted > times.length || wanted <= times.length / 2 ? wanted : times.length;
        long[] newTimes = capacity == times.length ? times : new long[capacity];
        String[] newIds = capacity == ids.length ? ids : new String[capacity];
        System.arraycopy(times, start, newTimes, 0, size);
        System.arraycopy(ids, start, newIds, 0, size);
        if (newIds == ids) {
            Arrays.fill(ids, size, end, null);
        }
        times = newTimes;
        ids = newIds;
        start = 0;
        end = size;
    }
}
