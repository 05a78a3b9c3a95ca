package com.activitytracker.app.model;

import com.activitytracker.engine.EngineSnapshot;
import com.activitytracker.engine.consumer.ConsumerStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Keeps the top of the rate slider honest. When the consumers fall behind (lag past
 * {@link #LAG_LIMIT}) while the producer outruns them, it measures what the slower consumer sustains,
 * says so, and (unless the presenter turned holding off) holds the producer a little below that, so the
 * backlog drains and alerts stay live. While held, it probes upwards again once the lag has stayed
 * small for a while, and lets go when the presenter's own rate is reached or lowered below the hold.
 *
 * <p>The presenter's rate stays what the slider says; only the engine's rate is held. Works from the
 * snapshots the engine publishes (processed counts, lag); the engine needs no change for it.
 */
public final class BackpressureModel {
    /**
     * Lag at which the producer is held back; well below the second a live alert may be late, as the
     * lag still grows for a moment after the hold (the snapshot that shows it is up to 250 ms old, and
     * the events already sent must be read).
     */
    static final double LAG_LIMIT = 0.25;
    /** The lag counts as gone below this. */
    static final double LAG_CLEAR = 0.2;
    /** Held at this share of what the consumers sustain, so the backlog drains. */
    static final double HEADROOM = 0.8;
    /** With a backlog of a second or more, held lower, so it drains in a few seconds rather than many. */
    static final double DRAIN = 0.5;
    /** How long the lag must stay clear before the hold is raised a step. */
    static final Duration PROBE_AFTER = Duration.ofSeconds(3);

    static final double PROBE_STEP = 1.15;
    /**
     * A jump of the slider (10 to 50,000 events/s) reaches the engine in steps of this factor, each
     * once the producer has run at the last one for {@link #RAMP_EVERY} and the lag stayed clear, so the consumers' limit is found before a backlog
     * of many seconds has built up.
     */
    static final double RAMP_STEP = 1.3;
    /**
     * Up to this rate the engine follows the slider at once: any machine's consumers keep up with it,
     * even just after the start on two loaded cores (where they sustained about 1,900/s).
     */
    static final double RAMP_FREE = 1_000;

    static final Duration RAMP_EVERY = Duration.ofMillis(500);
    /** A ramp step counts as reached when the producer sends this share of it. */
    static final double RAMP_REACHED = 0.85;
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

    private final EngineCommands engine;
    private final BooleanProperty holding = new SimpleBooleanProperty(true);
    private final ReadOnlyBooleanWrapper overloaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper sustainableRate = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper("");
    private final Deque<Sample> samples = new ArrayDeque<>();
    private double presenterRate;
    /** The rate the engine is held at (while ramping up or overloaded); NaN while not held. */
    private double heldAt = Double.NaN;

    private Instant clearSince;
    /** Since when the consumers have read next to nothing; null while they read. */
    private Instant pausedSince;
    /** When the producer was first seen at the current ramp step; null until then. */
    private Instant stepReachedAt;

    public BackpressureModel(EngineCommands engine, double presenterRate) {
        this.engine = Objects.requireNonNull(engine);
        this.presenterRate = presenterRate;
        holding.addListener((obs, old, on) -> {
            if (!on) {
                release();
            }
            explain();
        });
    }

    // ---- Properties ----------------------------------------------------------------------------

    /** On (the default): the producer is held to what the consumers sustain. The presenter may turn it off. */
    public BooleanProperty holdingProperty() {
        return holding;
    }

    /** True while the consumers cannot keep up with the presenter's rate. */
    public ReadOnlyBooleanProperty overloadedProperty() {
        return overloaded.getReadOnlyProperty();
    }

    /** What the slower consumer processes per second, measured while overloaded; NaN otherwise. */
    public ReadOnlyDoubleProperty sustainableRateProperty() {
        return sustainableRate.getReadOnlyProperty();
    }

    /** Empty while the consumers keep up; otherwise one sentence for the status bar. */
    public ReadOnlyStringProperty explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    /** The rate the engine is held at, NaN when not held. */
    public double heldAt() {
        return heldAt;
    }

    // ---- Commands ------------------------------------------------------------------------------

    /**
     * The presenter chose a rate (slider, field, keys): sets the engine's rate, to it or to a hold below
     * it. The console sends every choice here and nowhere else, so a hold is never bypassed.
     */
    public void presenterRateChanged(double rate) {
        if (rate == presenterRate) {
            return; // chosen again: the engine runs at it already, or is held or climbing below it
        }
        double running = Double.isNaN(heldAt) ? presenterRate : heldAt;
        presenterRate = rate;
        if (holding.get() && !overloaded.get() && rate > Math.max(RAMP_FREE, running * RAMP_STEP)) {
            // ramp up: the engine follows in steps while the lag stays clear
            heldAt = Math.max(RAMP_FREE, running * RAMP_STEP);
            stepReachedAt = null;
            engine.setRate(heldAt);
        } else if (!Double.isNaN(heldAt)) {
            if (rate <= heldAt) {
                release();
            } else {
                engine.setRate(heldAt);
            }
        } else {
            engine.setRate(rate);
        }
        explain();
    }

    /**
     * A new engine starts streaming (the console's launch, new settings). Its consumers are cold, their
     * code not yet compiled, and read a fraction of what they will a few seconds later: started at a
     * high rate, the console opened with a lag of over a second and a hold that took half a minute to
     * lift. Above {@link #RAMP_FREE} the producer starts there and climbs to the presenter's rate as after
     * a jump of the slider, each step once the consumers keep up with the last.
     */
    public void streamStarts() {
        forget();
        stepReachedAt = null;
        overloaded.set(false);
        sustainableRate.set(Double.NaN);
        heldAt = holding.get() && presenterRate > RAMP_FREE ? RAMP_FREE : Double.NaN;
        engine.setRate(Double.isNaN(heldAt) ? presenterRate : heldAt);
        explain();
    }

    /** The engine was paused, reset or replaced: the measurements start again. */
    public void forget() {
        samples.clear();
        clearSince = null;
    }

    public void apply(EngineSnapshot s) {
        if (s.paused()) {
            forget();
            return;
        }
        ConsumerStats analytics = s.analyticsConsumer();
        ConsumerStats fraud = s.fraudConsumer();
        double lag = Math.max(analytics.lagSeconds(), fraud.lagSeconds());
        Sample now = new Sample(s.takenAt(), analytics.processed(), fraud.processed(), lag);
        Sample last = samples.peekLast();
        if (last != null && (now.analytics < last.analytics || now.fraud < last.fraud || !now.at.isAfter(last.at))) {
            samples.clear(); // counters were reset, or an old snapshot
        }
        samples.addLast(now);
        while (samples.size() > 2
                && Duration.between(samples.peekFirst().at, now.at).compareTo(CAPACITY_WINDOW) > 0) {
            samples.removeFirst();
        }
        double consumed = consumerCapacity();
        if (Double.isNaN(consumed)) {
            return;
        }
        double produced = s.producer().actualRate();
        // the producer's target counts too: on a busy machine its measured rate dips while it waits
        // for a core, and catches up as soon as it gets one
        double producing = Math.max(produced, s.producer().targetRate());
        Sample before = samples.size() > 1 ? last : null;
        if (consumersPaused(before, now, producing)) {
            explain();
            return;
        }
        if (before != null && before.lag < LAG_NOISE && lag >= LAG_CLEAR) {
            // a lag that was not there a snapshot ago waits for the next one: on a busy machine one
            // snapshot may show a third of a second that is gone 250 ms later, and halving the producer for
            // it costs the presenter half a minute of probing back up
            explain();
            return;
        }
        // where the lag is heading by the time a new rate takes effect
        double projected = lag < LAG_NOISE ? lag : lag + Math.max(0, lagGrowth(now)) * LOOKAHEAD.toMillis() / 1000.0;
        if (projected >= LAG_LIMIT && producing > consumed) {
            clearSince = null;
            overloaded.set(true);
            sustainableRate.set(consumed);
            if (holding.get()) {
                double share = projected >= 2 * LAG_LIMIT ? DRAIN : HEADROOM;
                hold(Math.max(RateScale.MIN_RATE, Math.min(presenterRate, consumed * share)));
            }
        } else if (lag >= LAG_CLEAR && holding.get() && !overloaded.get() && !Double.isNaN(heldAt)) {
            // the ramp met the consumers' limit: from here the hold is raised only as a probe, slowly
            clearSince = null;
            overloaded.set(true);
            sustainableRate.set(consumed);
        } else if (lag < LAG_CLEAR) {
            clearSince = clearSince == null ? now.at : clearSince;
            if (!overloaded.get() && !Double.isNaN(heldAt)) {
                // the next step only once the producer has run at this one for RAMP_EVERY, as the
                // snapshots tell it: on a busy machine it may lag behind its target (and a target far
                // ahead of it would become a burst later), and the snapshots come late, so a step taken
                // the moment the last one shows would land before its effect on the lag could show
                if (stepReachedAt == null && produced >= heldAt * RAMP_REACHED) {
                    stepReachedAt = now.at;
                }
                if (stepReachedAt != null
                        && Duration.between(stepReachedAt, now.at).compareTo(RAMP_EVERY) >= 0
                        && lag + Math.max(0, lagGrowth(now)) * LOOKAHEAD.toMillis() / 1000.0 < LAG_NOISE) {
                    stepReachedAt = null;
                    hold(heldAt * RAMP_STEP);
                }
            } else if (Duration.between(clearSince, now.at).compareTo(PROBE_AFTER) >= 0
                    && (Double.isNaN(heldAt) || produced >= heldAt * RAMP_REACHED)) {
                // a hold the producer never reached has not been tried: raising it would test nothing
                clearSince = now.at;
                probeUp(consumed);
            }
        }
        explain();
    }

    /**
     * True while the consumers read next to nothing of what is sent, for at most {@link #PAUSE_GRACE}:
     * paused (a collection, the cores busy elsewhere), not slow. Holding the producer cannot make them
     * read sooner, the lag a pause leaves is read away at full speed once it ends, and the lag grows as
     * fast as the clock meanwhile, which projected forward would call for the deepest hold there is.
     */
    private boolean consumersPaused(Sample before, Sample now, double producing) {
        if (before == null) {
            pausedSince = null;
            return false;
        }
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
    private double lagGrowth(Sample now) {
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
    private double consumerCapacity() {
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

    private void hold(double rate) {
        if (rate >= presenterRate) {
            release();
            return;
        }
        if (Double.isNaN(heldAt) || Math.abs(rate - heldAt) > heldAt * 0.02) {
            heldAt = rate;
            engine.setRate(rate);
        }
    }

    /**
     * The lag stayed clear: try a higher rate, up to the presenter's; reaching it ends the hold.
     *
     * @param capacity what the consumers sustain as measured now, which includes how fast they read the
     *     backlog away: after a hold taken while they were slow (just started, or paused), that is what they
     *     can do again, and a step of {@link #PROBE_STEP} every few seconds would take a minute to get there
     */
    private void probeUp(double capacity) {
        if (Double.isNaN(heldAt)) {
            overloaded.set(false);
            sustainableRate.set(Double.NaN);
            return;
        }
        double measured = Math.max(capacity, Double.isNaN(sustainableRate.get()) ? 0 : sustainableRate.get());
        sustainableRate.set(measured);
        // after draining at half speed, straight back to just below what the consumers sustain
        hold(Math.max(heldAt * PROBE_STEP, measured * HEADROOM));
    }

    private void release() {
        boolean wasHeld = !Double.isNaN(heldAt);
        heldAt = Double.NaN;
        if (wasHeld) {
            engine.setRate(presenterRate);
        }
        if (!holding.get()) {
            return;
        }
        overloaded.set(false);
        sustainableRate.set(Double.NaN);
    }

    private void explain() {
        if (!overloaded.get()) {
            explanation.set("");
        } else if (!Double.isNaN(heldAt)) {
            explanation.set("the consumers keep up with about " + Formats.rate(sustainableRate.get())
                    + "/s, so the producer is held at " + Formats.rate(heldAt) + "/s to keep alerts live");
        } else {
            explanation.set("the consumers keep up with about " + Formats.rate(sustainableRate.get())
                    + "/s; the lag grows (holding the producer is off)");
        }
    }
}
