package com.activitytracker.engine.backtest;

import com.activitytracker.engine.event.ActivityEvent;
import com.activitytracker.engine.fraud.FraudAlert;
import com.activitytracker.engine.fraud.FraudDetector;
import com.activitytracker.engine.fraud.FraudThresholds;
import com.activitytracker.engine.fraud.Severity;
import com.activitytracker.engine.generator.InjectedScenario;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/** One set of thresholds during a replay: its own detector, and a count of what it raised. */
final class OutcomeTally {
    private final FraudDetector detector;
    private final Map<String, Map<Severity, Long>> alerts = new LinkedHashMap<>();
    private final Set<String> flaggedUsers = new TreeSet<>();
    /** "RULE\nuser" for every (rule, user) pair that alerted: how an injected attack counts as caught. */
    private final Set<String> ruleUsers = new HashSet<>();

    /** @param maxTrackedUsers past this many users the detector forgets the least recently active */
    OutcomeTally(FraudThresholds thresholds, Clock clock, int maxTrackedUsers) {
        this.detector = new FraudDetector(thresholds, clock, maxTrackedUsers);
        for (String rule : detector.ruleNames()) {
            alerts.put(rule, new EnumMap<>(Severity.class));
        }
    }

    List<String> ruleNames() {
        return detector.ruleNames();
    }

    void accept(ActivityEvent event) {
        for (FraudAlert alert : detector.onEvent(event)) {
            alerts.get(alert.rule()).merge(alert.severity(), 1L, Long::sum);
            flaggedUsers.add(alert.userId());
            ruleUsers.add(alert.rule() + '\n' + alert.userId());
        }
    }

    /** How many times the cap made the detector forget a user (a returning user counts again). */
    long forgottenUsers() {
        return detector.forgottenUsers();
    }

    Set<String> flaggedUsers() {
        return flaggedUsers;
    }

    /**
     * @param attacksInSpan    the injected attacks whose events were replayed
     * @param attackers        every injected attacker, in the span or not: none of them is ordinary
     */
    BacktestOutcome outcome(List<InjectedScenario> attacksInSpan, Set<String> attackers, boolean groundTruthKnown) {
        int caught = 0;
        List<String> missed = new ArrayList<>();
        for (InjectedScenario attack : attacksInSpan) {
            if (ruleUsers.contains(attack.expectedRule() + '\n' + attack.userId())) {
                caught++;
            } else {
                missed.add(attack.scenario().displayName() + " (" + attack.userId() + ")");
            }
        }
        OptionalInt ordinary = groundTruthKnown
                ? OptionalInt.of((int) flaggedUsers.stream()
                        .filter(u -> !attackers.contains(u))
                        .count())
                : OptionalInt.empty();
        return new BacktestOutcome(alerts, flaggedUsers.size(), caught, missed, ordinary);
    }
}
