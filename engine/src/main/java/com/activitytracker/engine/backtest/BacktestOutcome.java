package com.activitytracker.engine.backtest;

import com.activitytracker.engine.fraud.Severity;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * What one set of thresholds made of the replayed stream.
 *
 * @param alertsByRule         alerts per rule and severity, every rule present (in the detector's order)
 * @param usersFlagged         distinct users with at least one alert
 * @param attacksCaught        injected attacks in the span whose expected rule fired on their user
 * @param attacksMissed        "Scenario name (user)" of those it did not catch
 * @param ordinaryUsersFlagged flagged users that were not an injected attacker; empty when the
 *                             ground truth is unknown
 */
public record BacktestOutcome(
        Map<String, Map<Severity, Long>> alertsByRule,
        int usersFlagged,
        int attacksCaught,
        List<String> attacksMissed,
        OptionalInt ordinaryUsersFlagged) {

    public BacktestOutcome {
        alertsByRule = Collections.unmodifiableMap(new LinkedHashMap<>(alertsByRule));
        attacksMissed = List.copyOf(attacksMissed);
    }

    public long alertsTotal() {
        return alertsByRule.values().stream()
                .flatMap(m -> m.values().stream())
                .mapToLong(Long::longValue)
                .sum();
    }

    public long alerts(String rule) {
        return alertsByRule.getOrDefault(rule, Map.of()).values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }
}
