package com.activitytracker.engine.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.activitytracker.engine.event.ActivityEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class DeterminismTest {

    @Test
    void sameSeedAndInstantsGiveTheSameEvents() {
        assertThat(mixedRun(21)).isEqualTo(mixedRun(21));
    }

    @Test
    void differentSeedsGiveDifferentEvents() {
        List<ActivityEvent> a = SimulatedTraffic.run(new ActivityGenerator(21), 100, Duration.ofSeconds(10));
        List<ActivityEvent> b = SimulatedTraffic.run(new ActivityGenerator(22), 100, Duration.ofSeconds(10));
        assertThat(a.get(0).eventId()).isNotEqualTo(b.get(0).eventId());
        assertThat(a.stream().map(ActivityEvent::userId).toList())
                .isNotEqualTo(b.stream().map(ActivityEvent::userId).toList());
    }

    @Test
    void injectingScenariosLeavesOrdinaryTrafficUnchanged() {
        ActivityGenerator quiet = new ActivityGenerator(23);
        ActivityGenerator attacked = new ActivityGenerator(23);
        quiet.setTargetRate(200);
        attacked.setTargetRate(200);
        List<ActivityEvent> expected = new ArrayList<>();
        List<ActivityEvent> actual = new ArrayList<>();
        for (int i = 0; i < 6_000; i++) {
            var now = SimulatedTraffic.at(i / 200.0);
            if (i % 1_000 == 0) {
                attacked.inject(Scenario.values()[i / 1_000 % Scenario.values().length], now);
            }
            attacked.dueScenarioEvents(now);
            expected.add(quiet.next(now));
            actual.add(attacked.next(now));
        }
        assertThat(actual).isEqualTo(expected);
    }

    private static List<Object> mixedRun(long seed) {
        ActivityGenerator generator = new ActivityGenerator(seed);
        List<Object> out = new ArrayList<>(SimulatedTraffic.run(generator, 300, Duration.ofSeconds(20)));
        for (Scenario scenario : Scenario.values()) {
            out.add(generator.inject(scenario, SimulatedTraffic.at(25)));
        }
        generator.setTargetRate(5_000);
        out.addAll(SimulatedTraffic.run(generator, 5_000, SimulatedTraffic.at(25), Duration.ofSeconds(5)));
        return out;
    }
}
