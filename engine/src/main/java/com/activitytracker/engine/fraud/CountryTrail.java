package com.activitytracker.engine.fraud;

import java.util.Arrays;

/**
 * The countries one user's events came from, each with its newest event. That is all impossible
 * travel needs: another country is inside the window exactly when its newest event is, and
 * keeping one entry per country instead of every event keeps a whole hour of browsing in a few bytes.
 */
final class CountryTrail extends RuleState {
    /** Beyond this many countries in one window the pattern has long fired; the stalest is replaced. */
    static final int MAX_COUNTRIES = 8;

    private String[] countries = new String[1];
    private long[] newestMillis = new long[1];
    private String[] newestIds = new String[1];
    private int size;

    /** Forgets countries whose newest event is at or before {@code cutoffMillis}. */
    void evictUpTo(long cutoffMillis) {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            if (newestMillis[i] > cutoffMillis) {
                move(i, kept++);
            }
        }
        for (int i = kept; i < size; i++) {
            countries[i] = null;
            newestIds[i] = null;
        }
        size = kept;
    }

    /** Index of the other country whose newest event is nearest in time to {@code timeMillis}, or -1. */
    int nearestOtherCountry(String country, long timeMillis) {
        int best = -1;
        long bestDistance = Long.MAX_VALUE;
        for (int i = 0; i < size; i++) {
            long distance = Math.abs(newestMillis[i] - timeMillis);
            if (!countries[i].equalsIgnoreCase(country) && distance < bestDistance) {
                best = i;
                bestDistance = distance;
            }
        }
        return best;
    }

    void record(String country, long timeMillis, String eventId) {
        for (int i = 0; i < size; i++) {
            if (countries[i].equalsIgnoreCase(country)) {
                if (timeMillis > newestMillis[i]) {
                    newestMillis[i] = timeMillis;
                    newestIds[i] = eventId;
                }
                return;
            }
        }
        int slot = size < MAX_COUNTRIES ? size++ : stalest();
        if (slot >= countries.length) {
            grow();
        }
        countries[slot] = country;
        newestMillis[slot] = timeMillis;
        newestIds[slot] = eventId;
    }

    String country(int index) {
        return countries[index];
    }

    long newestMillis(int index) {
        return newestMillis[index];
    }

    String newestId(int index) {
        return newestIds[index];
    }

    private int stalest() {
        int stalest = 0;
        for (int i = 1; i < size; i++) {
            if (newestMillis[i] < newestMillis[stalest]) {
                stalest = i;
            }
        }
        return stalest;
    }

    private void move(int from, int to) {
        countries[to] = countries[from];
        newestMillis[to] = newestMillis[from];
        newestIds[to] = newestIds[from];
    }

    private void grow() {
        int capacity = Math.min(MAX_COUNTRIES, countries.length * 2);
        countries = Arrays.copyOf(countries, capacity);
        newestMillis = Arrays.copyOf(newestMillis, capacity);
        newestIds = Arrays.copyOf(newestIds, capacity);
    }
}
