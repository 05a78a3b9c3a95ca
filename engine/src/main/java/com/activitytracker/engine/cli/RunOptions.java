package com.activitytracker.engine.cli;

import com.activitytracker.engine.config.Durations;
import com.activitytracker.engine.config.Settings;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Option;

/** How long a command runs and how often it reports. */
public final class RunOptions {
    @Option(names = "--duration", paramLabel = "D", description = "stop after D (e.g. 30s, 5m)")
    String duration;

    @Option(
            names = "--stats-interval",
            paramLabel = "N",
            description = "print statistics every N events (STATS_INTERVAL, default 50)")
    String statsInterval;

    void addTo(Map<String, String> overrides) {
        overrides.put(Settings.STATS_INTERVAL, statsInterval);
    }

    Duration durationOrNull() {
        return duration == null ? null : Durations.parse("--duration", duration);
    }
}
