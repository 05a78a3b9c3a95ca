package com.activitytracker.app.model;

import com.activitytracker.engine.fraud.FraudThresholds;
import com.activitytracker.engine.generator.InjectedScenario;
import com.activitytracker.engine.generator.Scenario;

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
}
