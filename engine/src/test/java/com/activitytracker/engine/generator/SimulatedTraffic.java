package com.activitytracker.engine.generator;

import com.activitytracker.engine.event.ActivityEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Drives a generator the way the producer does, at an even pace, on simulated time (no sleeping). */
final class SimulatedTraffic {
    static final Instant START = Instant.parse("2026-11-26T10:00:00Z");

    private SimulatedTraffic() {}

    /** Ordinary and due scenario events of {@code duration} at {@code rate}, starting at {@link #START}. */
    static List<ActivityEvent> run(ActivityGenerator generator, double rate, Duration duration) {
        return run(generator, rate, START, duration);
    }

    static List<ActivityEvent> run(ActivityGenerator generator, double rate, Instant from, Duration duration) {
        generator.setTargetRate(rate);
        long count = (long) (rate * duration.toNanos() / 1e9);
        List<ActivityEvent> events = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
            Instant now = from.plusNanos((long) (i * 1e9 / rate));
            events.addAll(generator.dueScenarioEvents(now));
            events.add(generator.next(now));
        }
        return events;
    }

    static Instant at(double seconds) {
        return START.plusNanos((long) (seconds * 1e9));
    }
}
