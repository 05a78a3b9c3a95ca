package com.activitytracker.engine;

import com.activitytracker.engine.fraud.FraudAlert;
import com.activitytracker.engine.fraud.Severity;
import com.activitytracker.engine.generator.InjectedScenario;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts alerts and matches them against the attacks the generator injected (its ground truth), so a
 * presenter can show that every attack was caught and how fast. Thread-safe: alerts arrive on the
 * fraud consumer's thread, injections on the caller's, snapshots on the publisher's.
 */
final class DetectionScoreboard {
    /** Injected attacks remembered for the board; older ones drop off. */
    private static final int MAX_ENTRIES = 200;

    private final LinkedHashMap<String, InjectedScenario> injected = new LinkedHashMap<>();
    private final Map<String, FraudAlert> caught = new HashMap<>();
    private final Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
    private final Map<String, Long> byRule = new HashMap<>();
    private long total;

    synchronized void injected(InjectedScenario scenario) {
        injected.put(scenario.id(), scenario);
        if (injected.size() > MAX_ENTRIES) {
            String oldest = injected.keySet().iterator().next();
            injected.remove(oldest);
            caught.remove(oldest);
        }
    }

    synchronized void alert(FraudAlert alert) {
        total++;
        bySeverity.merge(alert.severity(), 1L, Long::sum);
        byRule.merge(alert.rule(), 1L, Long::sum);
        for (InjectedScenario s : injected.values()) {
            if (s.userId().equals(alert.userId()) && s.expectedRule().equals(alert.rule())) {
                caught.putIfAbsent(s.id(), alert);
            }
        }
    }

    synchronized void reset() {
        injected.clear();
        caught.clear();
        bySeverity.clear();
        byRule.clear();
        total = 0;
    }

    synchronized long total() {
        return total;
    }

    synchronized Map<Severity, Long> bySeverity() {
        Map<Severity, Long> all = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            all.put(s, bySeverity.getOrDefault(s, 0L));
        }
        return all;
    }

    synchronized Map<String, Long> byRule() {
        return Map.copyOf(byRule);
    }

    /** The attacks remembered, oldest first: the ground truth a backtest scores against. */
    synchronized List<InjectedScenario> injectedScenarios() {
        return List.copyOf(injected.values());
    }

    /** Newest first. */
    synchronized List<ScoreboardEntry> entries() {
        List<ScoreboardEntry> list = new ArrayList<>(injected.size());
        for (InjectedScenario s : injected.values()) {
            list.add(new ScoreboardEntry(s, caught.get(s.id())));
        }
        java.util.Collections.reverse(list);
        return list;
    }
}
