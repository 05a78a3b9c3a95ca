package com.activitytracker.engine.observability;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Logs a role's progress each time its count crosses the next multiple of STATS_INTERVAL, for
 * roles whose loop has no progress callback of its own: call {@link #observe} as often as convenient
 * (each poll, each tick); it logs at most once per crossing and reads the figures only then.
 */
public final class ProgressLog {
    private final RoleLog roleLog;
    private final long interval;
    private final ReportPace pace;
    private long next;

    /** Every crossing is logged. */
    public ProgressLog(RoleLog roleLog, long interval) {
        this(roleLog, interval, new ReportPace(Duration.ZERO));
    }

    /** Crossings closer together than the pace allows are skipped. */
    public ProgressLog(RoleLog roleLog, long interval, ReportPace pace) {
        if (interval < 1) {
            throw new IllegalArgumentException("interval must be positive");
        }
        this.roleLog = roleLog;
        this.interval = interval;
        this.pace = pace;
        this.next = interval;
    }

    /** Not thread-safe: call from one thread. */
    public void observe(long count, Supplier<Map<String, ?>> figures) {
        if (count >= next) {
            next = (count / interval + 1) * interval;
            if (pace.admit()) {
                roleLog.progress(figures.get());
            }
        }
    }
}
