package com.activitytracker.engine.producer;

import com.activitytracker.engine.config.SettingsLoader;
import com.activitytracker.engine.event.ActivityEvent;
import com.activitytracker.engine.generator.ActivityGenerator;
import com.activitytracker.engine.generator.InjectedScenario;
import com.activitytracker.engine.generator.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The simulated shop as the producer's event source. The generator is single-threaded; this wrapper
 * lets other threads (the console's buttons) inject scenarios and read the ground truth safely. The
 * lock is uncontended almost always, so it costs the producer's hot path next to nothing.
 */
public final class GeneratedTraffic implements EventSource {
    /** Sessions are sized for at least this rate when the producer runs unlimited (the benchmark)... */
    private static final double UNLIMITED_SIZING_RATE = 50_000;
    /**
     * ...and for the rate it is actually called at, measured each second of event time, up to this
     * many events a second (about 500,000 sessions, 200 MB). Sized for less than it is called at, the
     * generator crowds: it trims overdue sessions and starts new ones, and at twice its sizing nearly
     * every event was a new visitor's landing page (1.0 events per session instead of ~15), each one
     * a new session and user profile for the producer's garbage collector and a new user for the
     * consumers' state.
     */
    private static final double UNLIMITED_SIZING_CAP = 100_000;
    /** Resized only when the measured rate is this much above the sizing, not on every wobble. */
    private static final double RESIZE_MARGIN = 1.1;

    private final ActivityGenerator generator;
    private boolean unlimited;
    private double sizedFor;
    private Instant windowEnd;
    private long callsInWindow;

    public GeneratedTraffic(long seed) {
        this.generator = new ActivityGenerator(seed);
    }

    @Override
    public synchronized void setTargetRate(double eventsPerSecond) {
        unlimited = Double.isInfinite(eventsPerSecond);
        sizedFor = unlimited ? UNLIMITED_SIZING_RATE : Math.min(eventsPerSecond, SettingsLoader.MAX_RATE);
        windowEnd = null;
        generator.setTargetRate(sizedFor);
    }

    @Override
    public synchronized ActivityEvent next(Instant now) {
        if (unlimited) {
            followCallRate(now);
        }
        return generator.next(now);
    }

    /** Unlimited: sizes the sessions for the calls per second of event time, so that users keep a human pace. */
    private void followCallRate(Instant now) {
        if (windowEnd == null) {
            windowEnd = now.plusSeconds(1);
            callsInWindow = 0;
        } else if (!now.isBefore(windowEnd)) {
            double callsPerSecond =
                    callsInWindow / (1 + Duration.between(windowEnd, now).toNanos() / 1e9);
            if (callsPerSecond > sizedFor * RESIZE_MARGIN && sizedFor < UNLIMITED_SIZING_CAP) {
                sizedFor = Math.min(callsPerSecond, UNLIMITED_SIZING_CAP);
                generator.setTargetRate(sizedFor);
            }
            windowEnd = now.plusSeconds(1);
            callsInWindow = 0;
        }
        callsInWindow++;
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
