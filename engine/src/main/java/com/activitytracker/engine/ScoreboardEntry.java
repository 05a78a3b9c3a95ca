package com.activitytracker.engine;

import com.activitytracker.engine.fraud.FraudAlert;
import com.activitytracker.engine.generator.InjectedScenario;
import java.time.Duration;

/**
 * One injected attack and whether the detector caught it.
 *
 * @param caughtBy the first alert of the expected rule for the attack's user, or null while not caught
 */
public record ScoreboardEntry(InjectedScenario scenario, FraudAlert caughtBy) {

    public boolean caught() {
        return caughtBy != null;
    }

    /** From the event that completed the pattern to the alert: the detector's own delay. */
    public Duration detectionLatency() {
        return caughtBy == null ? null : Duration.between(caughtBy.eventTime(), caughtBy.detectedAt());
    }

    /** From the click that injected the attack to the alert: what the audience sees. */
    public Duration timeToCatch() {
        return caughtBy == null ? null : Duration.between(scenario.injectedAt(), caughtBy.detectedAt());
    }
}
