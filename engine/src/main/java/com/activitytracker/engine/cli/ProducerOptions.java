package com.activitytracker.engine.cli;

import com.activitytracker.engine.config.Durations;
import com.activitytracker.engine.config.Settings;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options of the event producer. */
public final class ProducerOptions {
    @Option(
            names = "--rate",
            paramLabel = "N",
            description =
                    "events per second (EVENTS_PER_SECOND, default 10); 0 pauses, 'max' sends as fast as possible")
    String rate;

    @Option(names = "--events", paramLabel = "N", description = "stop after N events and print final statistics")
    Long events;

    @Option(names = "--seed", paramLabel = "N", description = "seed of the simulated traffic, for a repeatable run")
    Long seed;

    @Option(
            names = "--attack-every",
            paramLabel = "D",
            description =
                    "inject the next fraud scenario (bot burst, card testing, account takeover, impossible travel, "
                            + "whale purchase, in turn) every D, so alerts show up; 0 turns it off (run: 30s, produce: off)")
    String attackEvery;

    Duration attackEvery(Duration fallback) {
        return attackEvery == null ? fallback : Durations.parse("--attack-every", attackEvery);
    }

    void addTo(Map<String, String> overrides) {
        overrides.put(Settings.EVENTS_PER_SECOND, rate);
    }
}
