package com.activitytracker.engine.generator;

import com.activitytracker.engine.event.ActivityEvent;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A country shoppers come from: its cities (as ready-made geo values, shared by every event) and a
 * few plausible address prefixes to draw IPs from. The region tells near from far for the
 * impossible-travel scenario.
 */
record Country(String code, Region region, List<ActivityEvent.Geo> cities, List<String> ipPrefixes) {

    enum Region {
        NORTH_AMERICA,
        SOUTH_AMERICA,
        EUROPE,
        AFRICA,
        ASIA,
        OCEANIA
    }

    static Country of(String code, Region region, List<String> cityNames, List<String> ipPrefixes) {
        List<ActivityEvent.Geo> cities = cityNames.stream()
                .map(city -> new ActivityEvent.Geo(code, city))
                .toList();
        return new Country(code, region, cities, List.copyOf(ipPrefixes));
    }

    ActivityEvent.Geo pickCity(SplittableRandom random) {
        // the first city listed is the largest; give it a bigger share
        return random.nextInt(3) == 0 ? cities.get(0) : cities.get(random.nextInt(cities.size()));
    }

    String pickIp(SplittableRandom random) {
        return ipPrefixes.get(random.nextInt(ipPrefixes.size()))
                + random.nextInt(256)
                + '.'
                + (1 + random.nextInt(254));
    }
}
