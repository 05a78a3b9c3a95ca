package com.activitytracker.app.model;

import com.activitytracker.app.feed.FeedUpdate;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * The whole console's presentation state: the frame, the controls, the thresholds, the live
 * figures, the alert feed and the scoreboard. Takes the engine's coalesced updates in one call per
 * UI tick.
 */
public final class ConsoleModel {
    private final Clock clock;
    private final EngineCommands engine;
    private final MainModel main;
    private final ControlsModel controls;
    private final ThresholdsModel thresholds;
    private final DashboardModel dashboard = new DashboardModel();
    private final AlertFeedModel alerts;
    private final ScoreboardModel scoreboard;
    private final BackpressureModel backpressure;
    /** Snapshots taken before the last reset may still be on their way; they must not bring old figures back. */
    private Instant resetAt = Instant.MIN;

    public ConsoleModel(EngineCommands engine, MainModel main, Clock clock) {
        this.engine = Objects.requireNonNull(engine);
        this.main = Objects.requireNonNull(main);
        this.clock = Objects.requireNonNull(clock);
        this.controls = new ControlsModel(engine);
        this.thresholds = new ThresholdsModel(engine);
        this.alerts = new AlertFeedModel(clock.getZone());
        this.scoreboard = new ScoreboardModel(clock.getZone());
        this.backpressure =
                new BackpressureModel(engine, controls.targetRateProperty().get());
        controls.sendRatesTo(backpressure::presenterRateChanged);
        backpressure.explanationProperty().addListener((obs, old, text) -> main.setBackpressure(text));
        backpressure.streamStarts();
        // pause is the console's state, not the engine's: both the chip and the status bar follow it
        main.setPaused(controls.pausedProperty().get());
        controls.pausedProperty().addListener((obs, old, p) -> main.setPaused(p));
    }

    // ---- Properties ----------------------------------------------------------------------------

    public MainModel main() {
        return main;
    }

    public ControlsModel controls() {
        return controls;
    }

    public ThresholdsModel thresholds() {
        return thresholds;
    }

    public DashboardModel dashboard() {
        return dashboard;
    }

    public AlertFeedModel alerts() {
        return alerts;
    }

    public ScoreboardModel scoreboard() {
        return scoreboard;
    }

    public BackpressureModel backpressure() {
        return backpressure;
    }

    // ---- Commands ------------------------------------------------------------------------------

    /** Applies what the engine published since the last tick. */
    public void apply(FeedUpdate update) {
        if (update.status() != null) {
            main.applyStatus(update.status(), clock.instant());
            controls.applyStatus(update.status());
        }
        if (update.snapshot() != null && !update.snapshot().takenAt().isBefore(resetAt)) {
            controls.applySnapshot(update.snapshot());
            backpressure.apply(update.snapshot());
            dashboard.apply(update.snapshot());
            scoreboard.apply(update.snapshot().scoreboard());
        }
        if (!update.alerts().isEmpty()) {
            alerts.addAll(update.alerts());
        }
        alerts.countDropped(update.droppedAlerts());
        main.tick(clock.instant());
    }

    /** Clears the counters in the engine and every figure, chart and list of the console. */
    public void reset() {
        engine.reset();
        resetAt = clock.instant();
        backpressure.forget();
        dashboard.clear();
        alerts.clear();
        scoreboard.clear();
        main.showNotice("Counters, charts and alerts cleared");
    }

    /**
     * The engine was replaced (new settings): show its pause state and thresholds, start the figures
     * afresh. The rate stays the presenter's (the engine may have been held below it); the new engine's
     * consumers start cold, so it climbs there as at launch.
     */
    public void engineReplaced() {
        controls.syncPauseFromEngine();
        backpressure.streamStarts();
        thresholds.load(engine.thresholds());
        dashboard.clear();
        scoreboard.clear();
    }
}
