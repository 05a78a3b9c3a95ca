package com.activitytracker.engine.observability;

import java.util.Set;
import java.util.TreeSet;

/** Reads the Prometheus text format just enough for tests: the metric name of each sample line. */
final class PrometheusText {
    private PrometheusText() {}

    static Set<String> metricNames(String scrape) {
        Set<String> names = new TreeSet<>();
        for (String line : scrape.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
                end++;
            }
            names.add(line.substring(0, end));
        }
        return names;
    }
}
