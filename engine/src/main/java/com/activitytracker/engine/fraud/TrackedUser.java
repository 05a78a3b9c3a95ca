package com.activitytracker.engine.fraud;

/**
 * What the detector remembers about one user: the newest event time and each rule's state, by rule
 * position, with the user's id and place in {@link TrackedUsers}' least-recently-seen order.
 */
final class TrackedUser {
    private final String userId;
    private final int hash;
    private final Object[] ruleStates;
    private long newestMillis = Long.MIN_VALUE;
    private int slot;

    TrackedUser(String userId, int hash, int rules) {
        this.userId = userId;
        this.hash = hash;
        this.ruleStates = new Object[rules];
    }

    String userId() {
        return userId;
    }

    /** The id's {@link String#hashCode()}. */
    int hash() {
        return hash;
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

    int slot() {
        return slot;
    }

    void slot(int slot) {
        this.slot = slot;
    }
}
