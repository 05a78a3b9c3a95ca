package com.activitytracker.engine.backtest;

/**
 * The memory bound a replay ran under ({@link ReplayMemory}).
 *
 * @param usersPerSide   the most users each side's detector kept
 * @param forgottenUsers users the busier side forgot while they were still inside a rule's window: when
 *                       not 0, a pattern spread over a long gap in such a user's activity may be missed
 */
public record ReplayLimit(int usersPerSide, long forgottenUsers) {
    /** True when the cap made a side forget someone, so the report is a lower bound on what it would raise. */
    public boolean forgotAny() {
        return forgottenUsers > 0;
    }
}
