package com.activitytracker.engine.generator;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * How long a person thinks between two actions: a floor (pages take time to load and read) plus an
 * exponential tail with the given mean, capped so that a session does not stall forever.
 *
 * <p>Random think times alone leave a thin tail of users who click quickly many times in a row;
 * at tens of thousands of sessions some would reach the velocity threshold. So a pace guard
 * (the generic cell rate algorithm) also holds each session to one action per
 * {@code sustainedGap} on average, with a burst allowance of {@code burstTolerance}: in any
 * window W a session acts at most {@code (W + burstTolerance) / sustainedGap + 1} times. It rarely
 * binds, as the mean think time is well above the sustained gap.
 */
record HumanPace(
        Duration minThink, Duration meanThink, Duration maxThink, Duration sustainedGap, Duration burstTolerance) {

    /** At most 24 actions in any minute, against the velocity rule's default of 30. */
    static final HumanPace DEFAULT = new HumanPace(
            Duration.ofSeconds(1),
            Duration.ofSeconds(5),
            Duration.ofSeconds(60),
            Duration.ofSeconds(3),
            Duration.ofSeconds(9));

    HumanPace {
        if (minThink.isNegative() || meanThink.compareTo(minThink) <= 0 || maxThink.compareTo(meanThink) <= 0) {
            throw new IllegalArgumentException("need 0 <= minThink < meanThink < maxThink");
        }
        if (sustainedGap.compareTo(meanThink) >= 0 || burstTolerance.isNegative()) {
            throw new IllegalArgumentException("need sustainedGap < meanThink and burstTolerance >= 0");
        }
    }

    long nextThinkNanos(SplittableRandom random) {
        long min = minThink.toNanos();
        double tailMean = meanThink.toNanos() - min;
        double tail = -Math.log(1.0 - random.nextDouble()) * tailMean;
        return Math.min(min + (long) tail, maxThink.toNanos());
    }

    /** The pace clock after an action at {@code now} (nanoseconds); a new session starts at {@code Long.MIN_VALUE}. */
    long paceClockAfterAction(long paceClock, long now) {
        return Math.max(paceClock, now) + sustainedGap.toNanos();
    }

    /** The earliest time the guard allows the next action, given the pace clock. */
    long earliestNextAction(long paceClock) {
        return paceClock - burstTolerance.toNanos();
    }

    /** The most actions one session can take within {@code window}. */
    int maxActionsWithin(Duration window) {
        return (int) ((window.toNanos() + burstTolerance.toNanos()) / sustainedGap.toNanos()) + 1;
    }

    double meanThinkSeconds() {
        return meanThink.toNanos() / 1e9;
    }
}
