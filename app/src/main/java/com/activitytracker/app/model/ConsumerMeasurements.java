package com.activitytracker.app.model;

import com.activitytracker.engine.consumer.ConsumerStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What the slower consumer does, measured from the snapshots the engine publishes: what it sustains, where
 * its lag is heading, and whether it is paused rather than slow. The backpressure policy decides from these.
 */
final class ConsumerMeasurements {
    /** Consumer rates are measured over this window of snapshots. */
    static final Duration RATE_WINDOW = Duration.ofSeconds(3);
    /**
     * What the consumers can do is measured over this window, from the stretches where they had a backlog
     * to read: there they ran as fast as they could. The rate they show while keeping up is only what they
     * were sent, and measured while the producer is held it is the hold itself.
     */
    static final Duration CAPACITY_WINDOW = Duration.ofSeconds(10);
    /** Consumers reading less than this share of what the producer sends are paused, not slow. */
    static final double PAUSED_SHARE = 0.1;
    /** A pause longer than this is treated as consumers that cannot keep up. */
    static final Duration PAUSE_GRACE = Duration.ofSeconds(1);
    /** Less time with a backlog than this in the window measures nothing. */
    static final Duration BUSY_ENOUGH = Duration.ofMillis(500);
    /** The consumers' capacity is measured over this much of their latest time with a backlog. */
    static final Duration BUSY_MEASURED = Duration.ofSeconds(2);
    /**
     * How far ahead a growing lag is projected. The lag a snapshot shows is up to a second old by the
     * time a new rate takes effect (the consumer measures it once per poll, the snapshot is published
     * every 250 ms, the producer's buffers still hold what was sent at the old rate), and a producer
     * past the consumers' limit takes cores from them, so the lag then grows faster than the excess says.
     */
    static final Duration LOOKAHEAD = Duration.ofSeconds(1);
    /** The lag's growth is measured over this window; shorter follows jitter, longer reacts late. */
    static final Duration TREND_WINDOW = Duration.ofMillis(750);
    /** Below this lag a rising trend is jitter of the poll cadence, not a backlog. */
    static final double LAG_NOISE = 0.08;

    private record Sample(Instant at, long analytics, long fraud, double lag) {}

    private final Deque<Sample> samples = new ArrayDeque<>();
    /** Since when the consumers have read next to nothing; null while they read. */
    private Instant pausedSince;

    /** The consumers as a snapshot taken {@code at} shows them. */
    void add(Instant at, ConsumerStats analytics, ConsumerStats fraud) {
        double lag = Math.max(analytics.lagSeconds(), fraud.lagSeconds());
        Sample now = new Sample(at, analytics.processed(), fraud.processed(), lag);
        Sample last = samples.peekLast();
        if (last != null && (now.analytics < last.analytics || now.fraud < last.fraud || !now.at.isAfter(last.at))) {
            samples.clear(); // counters were reset, or an old snapshot
        }
        samples.addLast(now);
        while (samples.size() > 2
                && Duration.between(samples.peekFirst().at, now.at).compareTo(CAPACITY_WINDOW) > 0) {
            samples.removeFirst();
        }
    }

    /** The engine was paused, reset or replaced: the measurements start again. */
    void forget() {
        samples.clear();
        pausedSince = null;
    }

    /** The slower consumer's lag in the newest snapshot, in seconds. */
    double lag() {
        return samples.getLast().lag;
    }

    /** True when the snapshot before the newest showed no backlog (a lag below {@link #LAG_NOISE}). */
    boolean noBacklogBefore() {
        Sample before = before();
        return before != null && before.lag < LAG_NOISE;
    }

    /** Where the lag is heading by the time a new rate takes effect: {@link #LOOKAHEAD} of its growth on. */
    double lagAhead() {
        return lag() + Math.max(0, lagGrowth()) * LOOKAHEAD.toMillis() / 1000.0;
    }

    /** The snapshot before the newest, unless the newest started the measurements again. */
    private Sample before() {
        if (samples.size() < 2) {
            return null;
        }
        var newestFirst = samples.descendingIterator();
        newestFirst.next();
        return newestFirst.next();
    }

    /**
     * True while the consumers read next to nothing of what is sent, for at most {@link #PAUSE_GRACE}:
     * paused (a collection, the cores busy elsewhere), not slow. Holding the producer cannot make them
     * read sooner, the lag a pause leaves is read away at full speed once it ends, and the lag grows as
     * fast as the clock meanwhile, which projected forward would call for the deepest hold there is.
     *
     * @param producing what the producer sends per second
     */
    boolean paused(double producing) {
        Sample before = before();
        if (before == null) {
            pausedSince = null;
            return false;
        }
        Sample now = samples.getLast();
        double seconds = Duration.between(before.at, now.at).toNanos() / 1e9;
        long read = Math.min(now.analytics - before.analytics, now.fraud - before.fraud);
        if (read >= PAUSED_SHARE * producing * seconds) {
            pausedSince = null;
            return false;
        }
        pausedSince = pausedSince == null ? before.at : pausedSince;
        return Duration.between(pausedSince, now.at).compareTo(PAUSE_GRACE) < 0;
    }

    /** Seconds of lag gained per second over the last {@link #TREND_WINDOW}; 0 until measured. */
    private double lagGrowth() {
        Sample now = samples.getLast();
        Sample from = null;
        for (var it = samples.descendingIterator(); it.hasNext(); ) {
            Sample s = it.next();
            from = s;
            if (Duration.between(s.at, now.at).compareTo(TREND_WINDOW) >= 0) {
                break;
            }
        }
        if (from == null || from == now) {
            return 0;
        }
        double seconds = Duration.between(from.at, now.at).toNanos() / 1e9;
        return seconds < 0.2 ? 0 : (now.lag - from.lag) / seconds;
    }

    /**
     * What the slower consumer sustains: its rate over the last {@link #RATE_WINDOW}, or, where higher,
     * over the latest stretches of the last {@link #CAPACITY_WINDOW} in which it had a backlog (the most
     * recent {@link #BUSY_MEASURED} of them: the newest say most of what it can do now). A pause of the
     * consumers (a collection, the cores busy elsewhere) or their slow first seconds lower the first, and
     * the backlog they leave is read at full speed, which the second sees; without it, every hold taken
     * at such a moment would be the next one's measure, each lower than the last. NaN until half a second
     * is measured.
     */
    double capacity() {
        Sample[] all = samples.toArray(new Sample[0]);
        Sample last = all[all.length - 1];
        // the oldest sample within RATE_WINDOW, and at least the one before the newest
        Sample first = all[Math.max(0, all.length - 2)];
        for (Sample s : all) {
            if (s != last && Duration.between(s.at, last.at).compareTo(RATE_WINDOW) <= 0) {
                first = s;
                break;
            }
        }
        double seconds = Duration.between(first.at, last.at).toNanos() / 1e9;
        if (seconds < 0.5) {
            return Double.NaN;
        }
        double recent = Math.min(last.analytics - first.analytics, last.fraud - first.fraud) / seconds;
        long busyNanos = 0;
        long busyAnalytics = 0;
        long busyFraud = 0;
        for (int i = all.length - 1; i > 0 && busyNanos < BUSY_MEASURED.toNanos(); i--) {
            Sample before = all[i - 1];
            if (before.lag >= LAG_NOISE) {
                busyNanos += Duration.between(before.at, all[i].at).toNanos();
                busyAnalytics += all[i].analytics - before.analytics;
                busyFraud += all[i].fraud - before.fraud;
            }
        }
        if (busyNanos < BUSY_ENOUGH.toNanos()) {
            return recent;
        }
        return Math.max(recent, Math.min(busyAnalytics, busyFraud) / (busyNanos / 1e9));
    }
}
