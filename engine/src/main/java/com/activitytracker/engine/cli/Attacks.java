package com.activitytracker.engine.cli;

import com.activitytracker.engine.generator.Scenario;

/** The order in which {@code --attack-every} injects scenarios: each kind in turn. */
final class Attacks {
    private Attacks() {}

    static Scenario next(int count) {
        Scenario[] all = Scenario.values();
        return all[count % all.length];
    }
}
