package com.activitytracker.engine.fraud;

/** One rule's state for one user; holds the "one alert per window" bookkeeping every windowed rule shares. */
abstract class RuleState {
    private static final long NEVER = Long.MIN_VALUE;

    private long lastAlertMillis = NEVER;

    /** Whether an alert completed at {@code eventMillis} would repeat one raised less than a window earlier. */
    final boolean coolingDown(long eventMillis, long windowMillis) {
        return lastAlertMillis != NEVER && eventMillis < lastAlertMillis + windowMillis;
    }

    final void alerted(long eventMillis) {
        lastAlertMillis = eventMillis;
    }
}
