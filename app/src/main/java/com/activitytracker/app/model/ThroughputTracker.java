package com.activitytracker.app.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Turns the engine's cumulative counts (sent, analysed, fraud-checked) into per-second rates between
 * snapshots at least {@code minInterval} apart, which smooths the 4-per-second snapshots into one
 * chart point a second. A count that goes down (reset, restart) starts the measurement again.
 */
public final class ThroughputTracker {
    /** Rates over one interval, in events per second. */
    public record Rates(Instant at, double produced, double analysed, double checked) {}

    private record Sample(Instant at, long produced, long analysed, long checked) {}

    private final Duration minInterval;
    private Sample previous;

    public ThroughputTracker(Duration minInterval) {
        this.minInterval = minInterval;
    }

    /** Rates since the previous point, once at least the minimum interval has passed. */
    public Optional<Rates> offer(Instant at, long produced, long analysed, long checked) {
        Sample now = new Sample(at, produced, analysed, checked);
        Sample before = previous;
        if (before == null) {
            previous = now;
            return Optional.empty();
        }
        if (produced < before.produced || analysed < before.analysed || checked < before.checked) {
            previous = now;
            return Optional.empty();
        }
        Duration elapsed = Duration.between(before.at, at);
        if (elapsed.compareTo(minInterval) < 0) {
            return Optional.empty();
        }
        double seconds = elapsed.toNanos() / 1e9;
        previous = now;
        return Optional.of(new Rates(
                at,
                (produced - before.produced) / seconds,
                (analysed - before.analysed) / seconds,
                (checked - before.checked) / seconds));
    }

    public void reset() {
        previous = null;
    }
}
