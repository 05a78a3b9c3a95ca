package com.activitytracker.engine.fraud;

/** What the detector remembers about one user: the newest event time and each rule's state, by rule position. */
final class TrackedUser {
    private final Object[] ruleStates;
    private long newestMillis = Long.MIN_VALUE;

    TrackedUser(int rules) {
        this.ruleStates = new Object[rules];
    }

    void saw(long eventMillis) {
        if (eventMillis > newestMillis) {
            newestMillis = eventMillis;
        }
    }

    long newestMillis() {
        return newestMillis;
    }

    Object ruleState(int rule) {
        return ruleStates[rule];
    }

    void ruleState(int rule, Object state) {
        ruleStates[rule] = state;
    }
}
