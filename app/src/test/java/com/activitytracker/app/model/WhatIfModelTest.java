package com.activitytracker.app.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.activitytracker.engine.backtest.BacktestCancelledException;
import com.activitytracker.engine.backtest.BacktestOutcome;
import com.activitytracker.engine.backtest.BacktestReport;
import com.activitytracker.engine.backtest.ReplayLimit;
import com.activitytracker.engine.fraud.FraudThresholds;
import com.activitytracker.engine.fraud.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class WhatIfModelTest {
    private final FakeEngine engine = new FakeEngine();
    private final ThresholdsModel live = new ThresholdsModel(engine);
    private final WhatIfModel model = new WhatIfModel(engine, live, Runnable::run);

    @Test
    void opensOnTheLiveThresholdsWithTheLongestWindowAsSpan() {
        engine.thresholds = FraudThresholds.defaults().withVelocityMaxEvents(12);
        model.open();

        assertThat(model.candidate().velocityMaxEventsProperty().get()).isEqualTo(12);
        assertThat(model.spanMinutesProperty().get()).isEqualTo(60);
    }

    @Test
    void runsTheCandidateAndShowsRulesTotalsAndFindings() {
        model.open();
        model.candidate().velocityMaxEventsProperty().set(60);
        model.run();

        assertThat(model.runningProperty().get()).isTrue();
        assertThat(engine.whatIfCandidate.velocityMaxEvents()).isEqualTo(60);
        assertThat(engine.whatIfSpan).isEqualTo(Duration.ofMinutes(60));
        assertThat(model.progressProperty().get()).isZero();

        engine.whatIfResult.complete(report());

        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.hasResultProperty().get()).isTrue();
        assertThat(model.rowsProperty())
                .extracting(WhatIfRow::label, WhatIfRow::live, WhatIfRow::candidate)
                .startsWith(tuple("HIGH_VELOCITY", 1L, 0L), tuple("HIGH_VALUE_PURCHASE", 1L, 38L));
        WhatIfRow value = model.rowsProperty().get(1);
        assertThat(value.candidateBar()).isEqualTo(1.0);
        assertThat(value.change()).isEqualTo("+37");
        assertThat(model.findingsProperty())
                .contains(
                        "Injected attacks caught: 2 of 2 live, 1 with the candidate; misses Bot burst (bot)",
                        "Ordinary users flagged: 0 live, 37 with the candidate",
                        "No longer flagged: 1 user (bot)");
        assertThat(model.findingsProperty().get(2)).startsWith("Newly flagged: 37 users (u01, u02, u03 and 34 more)");
    }

    @Test
    void applyingMakesTheComparedCandidateLive() {
        model.open();
        model.candidate().velocityMaxEventsProperty().set(60);
        model.run();
        engine.whatIfResult.complete(report());

        model.applyCandidate();

        assertThat(engine.thresholds.velocityMaxEvents()).isEqualTo(60);
        assertThat(live.velocityMaxEventsProperty().get()).isEqualTo(60);
    }

    @Test
    void editingAfterAComparisonAsksForANewOne() {
        model.open();
        model.run();
        engine.whatIfResult.complete(report());

        model.candidate().highValueAmountProperty().set(900.0);

        assertThat(model.hasResultProperty().get()).isFalse();
    }

    @Test
    void aBadCandidateIsRefusedWithTheReasonAndNothingRuns() {
        model.open();
        model.candidate().velocityMaxEventsProperty().set(null);
        model.run();

        assertThat(model.errorProperty().get()).isEqualTo("Every threshold needs a value");
        assertThat(engine.whatIfCandidate).isNull();
    }

    @Test
    void cancellingStopsTheReplayAndShowsNoResult() {
        model.open();
        model.run();
        model.cancel();
        engine.whatIfResult.completeExceptionally(new BacktestCancelledException());

        assertThat(engine.whatIfResult.isCompletedExceptionally()).isTrue();
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.hasResultProperty().get()).isFalse();
        assertThat(model.errorProperty().get()).isEmpty();
    }

    @Test
    void aReplayThatHadToForgetUsersSaysSoAmongTheFindings() {
        model.open();
        model.run();
        engine.whatIfResult.complete(report(new ReplayLimit(10_000, 52_000)));

        assertThat(model.findingsProperty())
                .last()
                .asString()
                .startsWith("To fit in memory each side kept at most 10,000 users at a time and forgot the least"
                        + " recently active one 52,000 times");
        assertThat(model.findingsProperty()).hasSize(5);
    }

    private static BacktestReport report() {
        return report(new ReplayLimit(250_000, 0));
    }

    private static BacktestReport report(ReplayLimit limit) {
        List<String> rules = List.of("HIGH_VELOCITY", "HIGH_VALUE_PURCHASE");
        BacktestOutcome live = new BacktestOutcome(alerts(1, 1), 2, 2, List.of(), OptionalInt.of(0));
        BacktestOutcome candidate =
                new BacktestOutcome(alerts(0, 38), 38, 1, List.of("Bot burst (bot)"), OptionalInt.of(37));
        List<String> newly = IntStream.rangeClosed(1, 37)
                .mapToObj(i -> String.format("u%02d", i))
                .toList();
        Instant now = Instant.parse("2026-11-30T07:00:00Z");
        return new BacktestReport(
                now.minusSeconds(3600),
                now,
                12_345,
                0,
                rules,
                FraudThresholds.defaults(),
                FraudThresholds.defaults().withVelocityMaxEvents(60),
                live,
                candidate,
                true,
                2,
                newly,
                List.of("bot"),
                limit,
                Duration.ofMillis(420));
    }

    private static Map<String, Map<Severity, Long>> alerts(long velocity, long highValue) {
        Map<String, Map<Severity, Long>> m = new LinkedHashMap<>();
        m.put("HIGH_VELOCITY", velocity == 0 ? Map.of() : Map.of(Severity.HIGH, velocity));
        m.put("HIGH_VALUE_PURCHASE", Map.of(Severity.MEDIUM, highValue));
        return m;
    }
}
