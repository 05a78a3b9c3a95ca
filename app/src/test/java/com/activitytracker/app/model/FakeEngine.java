package com.activitytracker.app.model;

import com.activitytracker.engine.backtest.BacktestProgress;
import com.activitytracker.engine.backtest.BacktestReport;
import com.activitytracker.engine.fraud.FraudThresholds;
import com.activitytracker.engine.generator.InjectedScenario;
import com.activitytracker.engine.generator.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Records the commands the models send, instead of an engine. */
public final class FakeEngine implements EngineCommands {
    double rate = 10;
    boolean paused;
    int resets;
    FraudThresholds thresholds = FraudThresholds.defaults();
    final List<Scenario> injected = new ArrayList<>();

    @Override
    public void setRate(double eventsPerSecond) {
        rate = eventsPerSecond;
    }

    @Override
    public double targetRate() {
        return rate;
    }

    @Override
    public void pause() {
        paused = true;
    }

    @Override
    public void resume() {
        paused = false;
    }

    @Override
    public boolean isPaused() {
        return paused;
    }

    @Override
    public void reset() {
        resets++;
    }

    @Override
    public InjectedScenario inject(Scenario scenario) {
        injected.add(scenario);
        return new InjectedScenario(
                "s" + injected.size(),
                scenario,
                "user-9",
                TestSnapshots.T0,
                scenario.expectedRule(),
                10,
                TestSnapshots.T0.plusSeconds(1));
    }

    @Override
    public FraudThresholds thresholds() {
        return thresholds;
    }

    @Override
    public void updateThresholds(FraudThresholds t) {
        thresholds = t;
    }

    /** What the next "what if" answers; tests complete it when they like. */
    CompletableFuture<BacktestReport> whatIfResult = new CompletableFuture<>();

    FraudThresholds whatIfCandidate;
    Duration whatIfSpan;

    @Override
    public CompletableFuture<BacktestReport> whatIf(
            FraudThresholds candidate, Duration span, BacktestProgress progress) {
        whatIfCandidate = candidate;
        whatIfSpan = span;
        progress.onProgress(0, 100);
        return whatIfResult;
    }
}
