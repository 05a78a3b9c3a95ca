package com.activitytracker.engine.fraud;

import java.util.Arrays;

/**
 * The countries one user's events came from, each with its newest event. That is all impossible
 * travel needs: another country is inside the window exactly when its newest event is, and
 * keeping one entry per country instead of every event keeps a whole hour of browsing in a few bytes.
 *
 * <p>Nearly every user is seen from one country only, so the first entry lives in this object's own
 * fields, its newest event id packed into two longs when it is a UUID ({@link EventIds}), and
 * arrays are made for the others only when a second country appears: two small objects per user
 * instead of four plus the id string.
 */
final class CountryTrail extends RuleState {
    /** Beyond this many countries in one window the pattern has long fired; the stalest is replaced. */
    static final int MAX_COUNTRIES = 8;

    private static final String[] NO_STRINGS = {};
    private static final long[] NO_TIMES = {};

    // entry 0
    private String firstCountry;
    private long firstNewestMillis;
    /** The first entry's newest id, packed ({@link EventIds}): high and low half. */
    private final long[] firstId = new long[2];
    /** The first entry's newest id when it does not pack ({@link EventIds}), else null. */
    private String firstOtherId;
    // entries 1 .. size - 1, at index - 1
    private String[] countries = NO_STRINGS;
    private long[] newestMillis = NO_TIMES;
    private String[] newestIds = NO_STRINGS;
    private int size;

    /** Forgets countries whose newest event is at or before {@code cutoffMillis}. */
    void evictUpTo(long cutoffMillis) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (newestMillis(i) > cutoffMillis) {
                if (kept != i) {
                    set(kept, country(i), newestMillis(i), newestId(i));
                }
                kept++;
            }
        }
        for (int i = kept; i < size; i++) {
            set(i, null, 0, null);
        }
        size = kept;
    }

    /** Index of the other country whose newest event is nearest in time to {@code timeMillis}, or -1. */
    int nearestOtherCountry(String country, long timeMillis) {
        int best = -1;
        long bestDistance = Long.MAX_VALUE;
        for (int i = 0; i < size; i++) {
            long distance = Math.abs(newestMillis(i) - timeMillis);
            if (!country(i).equalsIgnoreCase(country) && distance < bestDistance) {
                best = i;
                bestDistance = distance;
            }
        }
        return best;
    }

    void record(String country, long timeMillis, String eventId) {
        for (int i = 0; i < size; i++) {
            if (country(i).equalsIgnoreCase(country)) {
                if (timeMillis > newestMillis(i)) {
                    set(i, country(i), timeMillis, eventId);
                }
                return;
            }
        }
        int slot = size < MAX_COUNTRIES ? size++ : stalest();
        if (slot > countries.length) {
            grow();
        }
        set(slot, country, timeMillis, eventId);
    }

    String country(int index) {
        return index == 0 ? firstCountry : countries[index - 1];
    }

    long newestMillis(int index) {
        return index == 0 ? firstNewestMillis : newestMillis[index - 1];
    }

    String newestId(int index) {
        if (index > 0) {
            return newestIds[index - 1];
        }
        return firstOtherId != null ? firstOtherId : EventIds.unpack(firstId[0], firstId[1]);
    }

    private void set(int index, String country, long timeMillis, String eventId) {
        if (index == 0) {
            firstCountry = country;
            firstNewestMillis = timeMillis;
            firstOtherId = EventIds.pack(eventId, firstId, 0) ? null : eventId;
        } else {
            countries[index - 1] = country;
            newestMillis[index - 1] = timeMillis;
            newestIds[index - 1] = eventId;
        }
    }

    private int stalest() {
        int stalest = 0;
        for (int i = 1; i < size; i++) {
            if (newestMillis(i) < newestMillis(stalest)) {
                stalest = i;
            }
        }
        return stalest;
    }

    private void grow() {
        int capacity = Math.min(MAX_COUNTRIES - 1, Math.max(1, countries.length * 2));
        countries = Arrays.copyOf(countries, capacity);
        newestMillis = Arrays.copyOf(newestMillis, capacity);
        newestIds = Arrays.copyOf(newestIds, capacity);
    }
}
