package com.activitytracker.app.model;

/** One injected attack as the scoreboard shows it; all fields already formatted. */
public record ScoreboardRow(
        String scenarioId,
        String scenario,
        String userId,
        String injectedAt,
        String expectedRule,
        boolean caught,
        String result,
        String timeToCatch,
        String detectionLatency) {}
