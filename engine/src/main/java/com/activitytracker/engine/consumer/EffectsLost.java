package com.activitytracker.engine.consumer;

import java.io.Serial;

/**
 * Alerts or dead letters that Kafka refused even after the producer's retries. Thrown before a
 * commit: the consumer stops without moving its offsets past those records, so a restart processes
 * them again (at-least-once) instead of silently losing their effects.
 */
final class EffectsLost extends IllegalStateException {
    @Serial
    private static final long serialVersionUID = 1L;

    EffectsLost(String what, long count) {
        super(count + " " + what
                + " could not be written to Kafka; stopping without committing, so a restart retries them");
    }

    /** Throws when {@code lost} is above zero. */
    static void check(String what, long lost) {
        if (lost > 0) {
            throw new EffectsLost(what, lost);
        }
    }
}
