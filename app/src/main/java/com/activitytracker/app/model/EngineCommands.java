package com.activitytracker.app.model;

import com.activitytracker.engine.backtest.BacktestProgress;
import com.activitytracker.engine.backtest.BacktestReport;
import com.activitytracker.engine.fraud.FraudThresholds;
import com.activitytracker.engine.generator.InjectedScenario;
import com.activitytracker.engine.generator.Scenario;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * What the presentation models ask of the engine. Every call returns at once (the engine hands work
 * to its own threads), so the models may call them from the FX thread; tests pass a fake.
 */
public interface EngineCommands {
    void setRate(double eventsPerSecond);

    double targetRate();

    void pause();

    void resume();

    boolean isPaused();

    void reset();

    InjectedScenario inject(Scenario scenario);

    FraudThresholds thresholds();

    void updateThresholds(FraudThresholds thresholds);

    /**
     * Replays the last {@code span} of the stream through candidate thresholds beside the live ones
     * on an engine thread; cancelling the returned future stops the replay.
     *
     * @throws IllegalStateException when the engine is not running
     */
    CompletableFuture<BacktestReport> whatIf(FraudThresholds candidate, Duration span, BacktestProgress progress);
}
