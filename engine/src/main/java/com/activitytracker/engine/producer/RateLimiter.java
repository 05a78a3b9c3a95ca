package com.activitytracker.engine.producer;

import java.util.function.LongSupplier;

/**
 * Paces the producer at a target rate that may change at any moment. Permits are due on an even
 * schedule (one every 1/rate s) and are handed out in bursts: when the first is due, the caller gets
 * it and every other one due within the next {@link #BURST_NANOS}, then waits for the next burst.
 * That holds the target on average at rates where a single sleep is longer than the gap between
 * events. Debt from a stall is capped, so a pause never turns into a big burst.
 *
 * <p>Why bursts: each burst becomes about one produce request (the producer's {@code linger.ms} of 1
 * collects it), where an even trickle made a request per millisecond or so. On a small machine the
 * cost of a request — its wake-ups, system calls and appends on the broker, and the consumers'
 * fetches it completes — is what the engine spends most of its CPU on: at 20,000 events/s the
 * trickle took 1.2–1.3 of 2 cores in about 715 requests a second, 5-ms bursts 0.6–0.9 in about 200
 * (docs/BENCHMARKS.md, "Producer requests: events paced in 5-ms bursts"). The events of a burst are made, stamped and sent together, so none waits longer to be
 * processed; only their times cluster within 5 ms, which no rule or chart can tell.
 * Not thread-safe except {@link #setRate}, which any thread may call.
 */
public final class RateLimiter {
    /** Unlimited: every call gets its permits at once (the benchmark's max-rate mode). */
    public static final double UNLIMITED = Double.POSITIVE_INFINITY;

    /** At most this much time's worth of permits is granted to catch up after a stall. */
    static final long MAX_CATCH_UP_NANOS = 20_000_000L;

    /** Permits due within this long of the first due one are granted with it. */
    static final long BURST_NANOS = 5_000_000L;

    private final LongSupplier nanoClock;
    /** The newest target and when it was set; written by any thread, applied by the producer's. */
    private volatile Target target;

    private Target applied;
    private double appliedRate = -1;
    private double intervalNanos;
    private double nextPermitAt;

    public RateLimiter(LongSupplier nanoClock, double rate) {
        this.nanoClock = nanoClock;
        setRate(rate);
        this.nextPermitAt = nanoClock.getAsLong();
    }

    /** @param rate events per second; 0 pauses, {@link #UNLIMITED} removes the limit */
    public void setRate(double rate) {
        if (!(rate >= 0)) {
            throw new IllegalArgumentException("rate must be >= 0, got " + rate);
        }
        this.target = new Target(rate, nanoClock.getAsLong());
    }

    public double rate() {
        return target.rate;
    }

    private record Target(double rate, long setAtNanos) {}

    /**
     * Takes the permits due now and, if any is, those due within {@link #BURST_NANOS} after it.
     *
     * @param max most permits wanted
     * @return how many were granted, from 0 to {@code max}
     */
    public int acquireDue(int max) {
        long now = nanoClock.getAsLong();
        applyRateChange(now);
        if (appliedRate == 0) {
            return 0;
        }
        if (appliedRate == UNLIMITED) {
            return max;
        }
        double earliest = now - MAX_CATCH_UP_NANOS;
        if (nextPermitAt < earliest) {
            nextPermitAt = earliest; // forgive a stall beyond the catch-up budget
        }
        if (nextPermitAt > now) {
            return 0;
        }
        double burstEnd = now + (double) BURST_NANOS;
        int granted = 0;
        while (granted < max && nextPermitAt < burstEnd) {
            nextPermitAt += intervalNanos;
            granted++;
        }
        return granted;
    }

    /** Nanoseconds until the next permit is due; {@link Long#MAX_VALUE} while paused. */
    public long nanosUntilNextPermit() {
        long now = nanoClock.getAsLong();
        applyRateChange(now);
        if (appliedRate == 0) {
            return Long.MAX_VALUE;
        }
        if (appliedRate == UNLIMITED) {
            return 0;
        }
        return Math.max(0, (long) Math.ceil(nextPermitAt - now));
    }

    /** A new target applies from the moment it was set: the next permit is at most one new interval after it. */
    private void applyRateChange(long now) {
        Target t = target;
        if (t == applied) {
            return;
        }
        applied = t;
        boolean wasPaused = appliedRate <= 0;
        appliedRate = t.rate;
        if (t.rate == 0 || t.rate == UNLIMITED) {
            return;
        }
        intervalNanos = 1e9 / t.rate;
        long since = Math.min(now, t.setAtNanos);
        if (wasPaused) {
            nextPermitAt = since;
        } else if (nextPermitAt > since + intervalNanos) {
            nextPermitAt = since + intervalNanos;
        }
    }
}
