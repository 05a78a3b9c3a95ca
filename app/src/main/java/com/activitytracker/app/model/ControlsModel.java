package com.activitytracker.app.model;

import com.activitytracker.engine.EngineSnapshot;
import com.activitytracker.engine.EngineStatus;
import com.activitytracker.engine.generator.InjectedScenario;
import com.activitytracker.engine.generator.Scenario;
import java.util.Objects;
import java.util.function.DoubleConsumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The presenter's controls: the event rate (a logarithmic slider and an exact number field kept in
 * step), pause and resume, and the attack scenarios.
 */
public final class ControlsModel {
    private final EngineCommands engine;

    private final DoubleProperty sliderPosition = new SimpleDoubleProperty();
    private final StringProperty rateText = new SimpleStringProperty("");
    /** Where a chosen rate goes: the engine, unless something governs its rate (see {@link #sendRatesTo}). */
    private DoubleConsumer rateSink;

    private final ReadOnlyDoubleWrapper targetRate = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper targetRateText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper achievedRateText = new ReadOnlyStringWrapper("Achieved –");
    private final ReadOnlyStringWrapper rateError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper pauseLabel = new ReadOnlyStringWrapper("Pause");
    private final ReadOnlyBooleanWrapper engineRunning = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper lastAction = new ReadOnlyStringWrapper("");

    /** True while the model itself moves the slider, so the move is not taken for the user's. */
    private boolean syncing;

    public ControlsModel(EngineCommands engine) {
        this.engine = Objects.requireNonNull(engine);
        this.rateSink = engine::setRate;
        sliderPosition.addListener((obs, old, position) -> {
            if (!syncing) {
                setRate(RateScale.rateAt(position.doubleValue()));
            }
        });
        paused.addListener((obs, old, p) -> pauseLabel.set(p ? "Resume" : "Pause"));
        paused.set(engine.isPaused());
        showTarget(engine.targetRate());
    }

    // ---- Properties ----------------------------------------------------------------------------

    /** 0 to 1 on the logarithmic scale; the view binds its slider to it both ways. */
    public DoubleProperty sliderPositionProperty() {
        return sliderPosition;
    }

    /** The exact number field; applied by {@link #applyRateText()}. */
    public StringProperty rateTextProperty() {
        return rateText;
    }

    public ReadOnlyDoubleProperty targetRateProperty() {
        return targetRate.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty targetRateTextProperty() {
        return targetRateText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty achievedRateTextProperty() {
        return achievedRateText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rateErrorProperty() {
        return rateError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pauseLabelProperty() {
        return pauseLabel.getReadOnlyProperty();
    }

    /** True while the engine streams; scenarios need a running engine. */
    public ReadOnlyBooleanProperty engineRunningProperty() {
        return engineRunning.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastActionProperty() {
        return lastAction.getReadOnlyProperty();
    }

    // ---- Commands ------------------------------------------------------------------------------

    public void setRate(double eventsPerSecond) {
        double rate = Math.max(RateScale.MIN_RATE, Math.min(RateScale.MAX_RATE, eventsPerSecond));
        rateError.set("");
        showTarget(rate);
        rateSink.accept(rate);
    }

    /**
     * Hands every rate the presenter chooses to {@code sink} instead of the engine: the one writer of the
     * engine's rate is then the sink (the backpressure model, which may hold the engine below the
     * presenter's rate, or climb to it), so no choice reaches the engine past a hold.
     */
    public void sendRatesTo(DoubleConsumer sink) {
        this.rateSink = Objects.requireNonNull(sink);
    }

    /** Applies the number field; a bad entry leaves the rate as it was and says why. */
    public void applyRateText() {
        try {
            setRate(RateScale.parse(rateText.get()));
        } catch (IllegalArgumentException e) {
            rateError.set(e.getMessage());
        }
    }

    /** Multiplies the target rate, e.g. by 2 or 0.5 from the keyboard. */
    public void scaleRate(double factor) {
        setRate(RateScale.roundToTwoDigits(targetRate.get() * factor));
    }

    public void togglePause() {
        if (engine.isPaused()) {
            engine.resume();
        } else {
            engine.pause();
        }
        paused.set(engine.isPaused());
        lastAction.set(
                paused.get()
                        ? "Paused: the producer stopped sending"
                        : "Resumed at " + Formats.rate(targetRate.get()) + "/s");
    }

    public void inject(Scenario scenario) {
        Objects.requireNonNull(scenario);
        InjectedScenario injected = engine.inject(scenario);
        lastAction.set("Injected " + scenario.displayName() + " as user " + injected.userId());
    }

    /** Reads the engine's pause state again, after it was replaced. */
    public void syncPauseFromEngine() {
        paused.set(engine.isPaused());
    }

    public void applySnapshot(EngineSnapshot s) {
        achievedRateText.set("Achieved " + Formats.rate(s.producer().actualRate()) + "/s");
        // the engine, not the snapshot: one taken just before a click would flip the button back
        paused.set(engine.isPaused());
    }

    public void applyStatus(EngineStatus status) {
        engineRunning.set(status.isRunning());
    }

    private void showTarget(double rate) {
        targetRate.set(rate);
        targetRateText.set("Target " + Formats.rate(rate) + "/s");
        rateText.set(Formats.rate(rate));
        syncing = true;
        try {
            sliderPosition.set(RateScale.positionOf(rate));
        } finally {
            syncing = false;
        }
    }
}
