package com.activitytracker.engine.generator;

import java.util.BitSet;

/**
 * Hands out ordinary users to new sessions, round-robin over a pool sized to the busiest rate seen.
 *
 * <p>Round-robin rather than random picks: a user comes back only after the whole pool has had a
 * turn, which at the sized rate takes about {@link #RETURN_SECONDS}. That spacing is what keeps
 * ordinary users clear of the fraud rules' windows across visits (velocity over a minute, failed
 * logins over 15 minutes, small purchases over 10). Users still in a session are skipped, so one
 * user never has two sessions at once. The pool only grows: when the rate drops, users simply
 * return less often.
 */
final class UserPool {
    static final int MIN_USERS = 2_000;
    static final double RETURN_SECONDS = 30 * 60;

    private final UserDirectory directory;
    private final BitSet inSession = new BitSet();
    private int size = MIN_USERS;
    private int cursor;

    UserPool(UserDirectory directory) {
        this.directory = directory;
    }

    /** Grows the pool so that, at this many new sessions a second, users return no sooner than planned. */
    void sizeFor(double sessionsPerSecond) {
        double wanted = Math.ceil(sessionsPerSecond * RETURN_SECONDS);
        size = (int) Math.max(size, Math.min(UserDirectory.ID_SPACE, wanted));
    }

    /** The next free user's slot, marked as in session until {@link #release}. */
    int acquire() {
        for (int tried = 0; tried < size; tried++) {
            int slot = cursor;
            cursor = cursor + 1 >= size ? 0 : cursor + 1;
            if (!inSession.get(slot)) {
                inSession.set(slot);
                return slot;
            }
        }
        if (size == UserDirectory.ID_SPACE) {
            throw new IllegalStateException("all " + size + " users are in a session");
        }
        // more sessions than users: only when next() is called far faster than the target rate
        cursor = size;
        size = Math.min(UserDirectory.ID_SPACE, size * 2);
        return acquire();
    }

    void release(int slot) {
        inSession.clear(slot);
    }

    UserProfile profile(int slot) {
        return directory.ordinary(slot);
    }

    int size() {
        return size;
    }
}
