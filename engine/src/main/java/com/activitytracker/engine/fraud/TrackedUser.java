package com.activitytracker.engine.fraud;

/**
 * What the detector remembers about one user: the newest event time and each rule's state, by rule
 * position, with the user's id and place in {@link TrackedUsers}' least-recently-seen order.
 *
 * <p>The rules' states are fields rather than an array: one object fewer per user, and one cache
 * miss fewer per event.
 */
final class TrackedUser {
    /** Rule states a user can hold, one per rule. */
    static final int MAX_RULES = 5;

    private final String userId;
    private final int hash;
    private long newestMillis = Long.MIN_VALUE;
    private int slot;
    private Object state0;
    private Object state1;
    private Object state2;
    private Object state3;
    private Object state4;

    TrackedUser(String userId, int hash) {
        this.userId = userId;
        this.hash = hash;
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
        return switch (rule) {
            case 0 -> state0;
            case 1 -> state1;
            case 2 -> state2;
            case 3 -> state3;
            case 4 -> state4;
            default -> throw new IndexOutOfBoundsException(rule);
        };
    }

    void ruleState(int rule, Object state) {
        switch (rule) {
            case 0 -> state0 = state;
            case 1 -> state1 = state;
            case 2 -> state2 = state;
            case 3 -> state3 = state;
            case 4 -> state4 = state;
            default -> throw new IndexOutOfBoundsException(rule);
        }
    }

    int slot() {
        return slot;
    }

    void slot(int slot) {
        this.slot = slot;
    }
}
