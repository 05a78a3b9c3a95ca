package com.activitytracker.engine.observability;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Lets a periodic report through at most once per gap. Reports come every STATS_INTERVAL events,
 * which at the default rate is every few seconds, but at 20,000 events/s would be 400 a second:
 * more than anyone can read, and rendering and printing them would slow the very loop they report
 * on. Thread-safe; the first report always passes.
 */
public final class ReportPace {
    /** The floor between two reports of one kind on a terminal or in the log. */
    public static final Duration TERMINAL = Duration.ofSeconds(1);

    private final long gapNanos;
    private final LongSupplier nanoTime;
    private boolean reported;
    private long lastNanos;

    public ReportPace(Duration gap) {
        this(gap, System::nanoTime);
    }

    ReportPace(Duration gap, LongSupplier nanoTime) {
        this.gapNanos = gap.toNanos();
        this.nanoTime = nanoTime;
    }

    /** True when a report may be shown now; it then counts as shown. */
    public synchronized boolean admit() {
        long now = nanoTime.getAsLong();
        if (reported && now - lastNanos < gapNanos) {
            return false;
        }
        reported = true;
        lastNanos = now;
        return true;
    }
}
