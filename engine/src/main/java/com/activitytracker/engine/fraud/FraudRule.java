package com.activitytracker.engine.fraud;

import com.activitytracker.engine.event.ActivityEvent;
import java.util.Optional;

/**
 * One fraud pattern, looked for in each user's events separately. A rule keeps nothing about users
 * itself: what it remembers about a user lives in an {@code S} that the {@link FraudDetector}
 * creates on the user's first relevant event and drops when the user goes idle.
 *
 * @param <S> what the rule remembers about one user; {@link Void} for a rule that needs nothing
 */
public interface FraudRule<S> {

    /** The rule's name as alerts carry it, e.g. {@code HIGH_VELOCITY}. */
    String name();

    /** Whether the event matters to this rule at all; the rest cost neither time nor state. */
    boolean concerns(ActivityEvent event, FraudThresholds thresholds);

    /** A user's state before their first relevant event; null when the rule keeps none. */
    S newUserState();

    /**
     * Takes one event the rule {@link #concerns concerns} into the user's state.
     *
     * @param eventMillis  the event's time, in epoch milliseconds
     * @param newestMillis the user's newest event time so far, this event included
     * @return the alert this event completes, if any
     */
    Optional<FraudAlert> apply(
            S state, ActivityEvent event, long eventMillis, long newestMillis, FraudThresholds thresholds);
}
