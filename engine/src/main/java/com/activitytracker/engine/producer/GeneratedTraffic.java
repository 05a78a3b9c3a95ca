package com.activitytracker.engine.producer;

import com.activitytracker.engine.config.SettingsLoader;
import com.activitytracker.engine.event.ActivityEvent;
import com.activitytracker.engine.generator.ActivityGenerator;
import com.activitytracker.engine.generator.InjectedScenario;
import com.activitytracker.engine.generator.Scenario;
import java.time.Instant;
import java.util.List;

/**
 * The simulated shop as the producer's event source. The generator is single-threaded; this wrapper
 * lets other threads (the console's buttons) inject scenarios and read the ground truth safely. The
 * lock is uncontended almost always, so it costs the producer's hot path next to nothing.
 */
public final class GeneratedTraffic implements EventSource {
    /** Sessions are sized for this rate when the producer runs unlimited (the benchmark). */
    private static final double UNLIMITED_SIZING_RATE = 50_000;

    private final ActivityGenerator generator;

    public GeneratedTraffic(long seed) {
        this.generator = new ActivityGenerator(seed);
    }

    @Override
    public synchronized void setTargetRate(double eventsPerSecond) {
        generator.setTargetRate(
                Double.isInfinite(eventsPerSecond)
                        ? UNLIMITED_SIZING_RATE
                        : Math.min(eventsPerSecond, SettingsLoader.MAX_RATE));
    }

    @Override
    public synchronized ActivityEvent next(Instant now) {
        return generator.next(now);
    }

    @Override
    public synchronized List<ActivityEvent> dueExtraEvents(Instant now) {
        return generator.dueScenarioEvents(now);
    }

    @Override
    public synchronized int activeSessions() {
        return generator.activeSessions();
    }

    /** Schedules an attack; its events go out on top of the rate within about 1.5 s. */
    public synchronized InjectedScenario inject(Scenario scenario, Instant now) {
        return generator.inject(scenario, now);
    }

    public synchronized List<InjectedScenario> groundTruth() {
        return generator.groundTruth();
    }
}
