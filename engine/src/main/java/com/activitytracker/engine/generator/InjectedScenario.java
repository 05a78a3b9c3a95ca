package com.activitytracker.engine.generator;

import java.time.Instant;
import java.util.Objects;

/**
 * Ground truth for one injection: which user the attack was played as, which rule should catch it,
 * and when its events run (from {@code injectedAt} to {@code completedAt}, both event times).
 */
public record InjectedScenario(
        String id,
        Scenario scenario,
        String userId,
        Instant injectedAt,
        String expectedRule,
        int eventCount,
        Instant completedAt) {

    public InjectedScenario {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(injectedAt, "injectedAt");
        Objects.requireNonNull(expectedRule, "expectedRule");
        Objects.requireNonNull(completedAt, "completedAt");
    }
}
