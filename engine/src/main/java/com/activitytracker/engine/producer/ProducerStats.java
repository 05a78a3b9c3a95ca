package com.activitytracker.engine.producer;

import java.time.Duration;

/**
 * What the producer has done so far; an immutable snapshot safe to hand to any thread.
 *
 * @param actualRate   events sent per second over the last half second or so
 * @param averageRate  events sent per second since start
 * @param lastDelivery the newest acknowledged record, or null before the first
 */
public record ProducerStats(
        long sent,
        long delivered,
        long failed,
        double targetRate,
        double actualRate,
        double averageRate,
        int activeSessions,
        Duration elapsed,
        Delivery lastDelivery,
        boolean running,
        String error) {

    /** Sent but not yet acknowledged or failed. */
    public long inFlight() {
        return sent - delivered - failed;
    }
}
