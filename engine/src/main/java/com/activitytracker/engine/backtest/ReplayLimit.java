package com.activitytracker.engine.backtest;

/**
 * The memory bound a replay ran under ({@link ReplayMemory}).
 *
 * @param usersPerSide   the most users each side's detector kept
 * @param forgottenUsers how many times the busier side forgot a user to make room (a user who comes back
 *                       and is forgotten again counts again): when not 0, a pattern spread over a long
 *                       gap in such a user's activity may be missed
 */
public record ReplayLimit(int usersPerSide, long forgottenUsers) {
    /** True when the cap made a side forget someone, so the report is a lower bound on what it would raise. */
    public boolean forgotAny() {
        return forgottenUsers > 0;
    }
}
