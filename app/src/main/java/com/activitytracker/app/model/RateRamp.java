package com.activitytracker.app.model;

import java.time.Duration;
import java.time.Instant;

/**
 * A jump of the slider (10 to 50,000 events/s) reaches the engine in steps of {@link #STEP}, each once
 * the producer has run at the last one for {@link #EVERY} and the lag stayed clear, so the consumers'
 * limit is found before a backlog of many seconds has built up. Knows when the current step was reached;
 * the backpressure policy says whether the lag allows the next.
 */
final class RateRamp {
    static final double STEP = 1.3;
    /**
     * Up to this rate the engine follows the slider at once: any machine's consumers keep up with it,
     * even just after the start on two loaded cores (where they sustained about 1,900/s).
     */
    static final double FREE = 1_000;

    static final Duration EVERY = Duration.ofMillis(500);
    /** A ramp step counts as reached when the producer sends this share of it. */
    static final double REACHED = 0.85;

    /** When the producer was first seen at the current step; null until then. */
    private Instant stepReachedAt;

    /** The first step of a climb from the rate the engine runs at: at once up to {@link #FREE}. */
    static double firstStep(double running) {
        return Math.max(FREE, running * STEP);
    }

    /** True once the producer sends enough of {@code rate} to count as running at it. */
    static boolean reached(double produced, double rate) {
        return produced >= rate * REACHED;
    }

    /** The engine was sent a new step (or a new climb starts): it has not been reached yet. */
    void stepTaken() {
        stepReachedAt = null;
    }

    /**
     * True once the producer has run at {@code step} for {@link #EVERY}, as the snapshots tell it: on a
     * busy machine it may lag behind its target (and a target far ahead of it would become a burst later),
     * and the snapshots come late, so a step taken the moment the last one shows would land before its
     * effect on the lag could show.
     *
     * @param at when the snapshot that shows {@code produced} was taken
     */
    boolean nextStepDue(Instant at, double produced, double step) {
        if (stepReachedAt == null && reached(produced, step)) {
            stepReachedAt = at;
        }
        return stepReachedAt != null && Duration.between(stepReachedAt, at).compareTo(EVERY) >= 0;
    }
}
