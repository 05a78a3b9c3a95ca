package com.activitytracker.app.model;

import com.activitytracker.engine.EngineSnapshot;
import java.time.Duration;
import java.time.Instant;
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

    private final EngineCommands engine;
    private final BooleanProperty holding = new SimpleBooleanProperty(true);
    private final ReadOnlyBooleanWrapper overloaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper sustainableRate = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper("");
    private final ConsumerMeasurements consumers = new ConsumerMeasurements();
    private final RateRamp ramp = new RateRamp();
    private double presenterRate;
    /** The rate the engine is held at (while ramping up or overloaded); NaN while not held. */
    private double heldAt = Double.NaN;

    private Instant clearSince;

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
        if (holding.get() && !overloaded.get() && rate > RateRamp.firstStep(running)) {
            // ramp up: the engine follows in steps while the lag stays clear
            heldAt = RateRamp.firstStep(running);
            ramp.stepTaken();
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
     * lift. Above {@link RateRamp#FREE} the producer starts there and climbs to the presenter's rate as after
     * a jump of the slider, each step once the consumers keep up with the last.
     */
    public void streamStarts() {
        forget();
        ramp.stepTaken();
        overloaded.set(false);
        sustainableRate.set(Double.NaN);
        heldAt = holding.get() && presenterRate > RateRamp.FREE ? RateRamp.FREE : Double.NaN;
        engine.setRate(Double.isNaN(heldAt) ? presenterRate : heldAt);
        explain();
    }

    /** The engine was paused, reset or replaced: the measurements start again. */
    public void forget() {
        consumers.forget();
        clearSince = null;
    }

    public void apply(EngineSnapshot s) {
        if (s.paused()) {
            forget();
            return;
        }
        consumers.add(s.takenAt(), s.analyticsConsumer(), s.fraudConsumer());
        double lag = consumers.lag();
        double consumed = consumers.capacity();
        if (Double.isNaN(consumed)) {
            return;
        }
        double produced = s.producer().actualRate();
        // the producer's target counts too: on a busy machine its measured rate dips while it waits
        // for a core, and catches up as soon as it gets one
        double producing = Math.max(produced, s.producer().targetRate());
        if (consumers.paused(producing)) {
            explain();
            return;
        }
        if (consumers.noBacklogBefore() && lag >= LAG_CLEAR) {
            // a lag that was not there a snapshot ago waits for the next one: on a busy machine one
            // snapshot may show a third of a second that is gone 250 ms later, and halving the producer for
            // it costs the presenter half a minute of probing back up
            explain();
            return;
        }
        // where the lag is heading by the time a new rate takes effect
        double projected = lag < ConsumerMeasurements.LAG_NOISE ? lag : consumers.lagAhead();
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
            clearSince = clearSince == null ? s.takenAt() : clearSince;
            if (!overloaded.get() && !Double.isNaN(heldAt)) {
                // the next step only once the producer has run at this one for a while and the lag,
                // looking ahead, stays clear of any backlog
                if (ramp.nextStepDue(s.takenAt(), produced, heldAt)
                        && consumers.lagAhead() < ConsumerMeasurements.LAG_NOISE) {
                    ramp.stepTaken();
                    hold(heldAt * RateRamp.STEP);
                }
            } else if (Duration.between(clearSince, s.takenAt()).compareTo(PROBE_AFTER) >= 0
                    && (Double.isNaN(heldAt) || RateRamp.reached(produced, heldAt))) {
                // a hold the producer never reached has not been tried: raising it would test nothing
                clearSince = s.takenAt();
                probeUp(consumed);
            }
        }
        explain();
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
