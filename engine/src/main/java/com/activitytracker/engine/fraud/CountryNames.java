package com.activitytracker.engine.fraud;

import java.util.HashMap;
import java.util.Map;

/**
 * One string per country name for the users' country trails. Each event's country arrives as a new
 * string, decoded from its record; a trail that kept it would hold two more objects (the string and
 * its bytes) per user for the garbage collector to copy and mark, a fifth of a fraud detector's
 * objects with a quarter of a million users tracked (docs/BENCHMARKS.md). Traffic names a few
 * hundred countries at most; past {@link #LIMIT} different names, the event's own string is kept, as
 * it was before. Not thread-safe, like the detector.
 */
final class CountryNames {
    static final int LIMIT = 4096;

    private final Map<String, String> names = new HashMap<>();

    /** The first string seen equal to {@code country}, or {@code country} itself. */
    String canonical(String country) {
        String known = names.get(country);
        if (known != null) {
            return known;
        }
        if (names.size() < LIMIT) {
            names.put(country, country);
        }
        return country;
    }
}
