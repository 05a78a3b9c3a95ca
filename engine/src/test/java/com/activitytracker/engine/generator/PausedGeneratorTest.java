package com.activitytracker.engine.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.activitytracker.engine.event.ActivityEvent;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class PausedGeneratorTest {

    @Test
    void rateZeroClosesEverySession() {
        ActivityGenerator generator = new ActivityGenerator(8);
        SimulatedTraffic.run(generator, 500, Duration.ofSeconds(30));
        assertThat(generator.activeSessions()).isPositive();

        generator.setTargetRate(0);

        assertThat(generator.activeSessions()).isZero();
        assertThat(generator.targetRate()).isZero();
    }

    @Test
    void scenarioEventsStillComeDueWhilePaused() {
        ActivityGenerator generator = new ActivityGenerator(9);
        generator.setTargetRate(0);
        InjectedScenario injected = generator.inject(Scenario.WHALE_PURCHASE, SimulatedTraffic.START);

        assertThat(generator.dueScenarioEvents(injected.completedAt())).hasSize(injected.eventCount());
        assertThat(generator.activeSessions()).isZero();
    }

    @Test
    void nextStillAnswersWhilePausedWithoutCrowdingUsers() {
        ActivityGenerator generator = new ActivityGenerator(10);
        generator.setTargetRate(0);

        ActivityEvent event = generator.next(SimulatedTraffic.START);

        assertThat(event.timestamp()).isEqualTo(SimulatedTraffic.START);
        assertThat(generator.activeSessions()).isEqualTo(1);
    }

    @Test
    void resumingAfterAPauseStartsFreshSessions() {
        ActivityGenerator generator = new ActivityGenerator(11);
        var before = SimulatedTraffic.run(generator, 100, Duration.ofSeconds(30));
        generator.setTargetRate(0);
        var after = SimulatedTraffic.run(generator, 100, SimulatedTraffic.at(60), Duration.ofSeconds(30));

        var sessionsBefore = before.stream().map(ActivityEvent::sessionId).toList();
        assertThat(after).noneMatch(e -> sessionsBefore.contains(e.sessionId()));
        assertThat((double) generator.activeSessions()).isBetween(250.0, 650.0);
    }

    @Test
    void negativeNonFiniteOrAbsurdRatesAreRejected() {
        ActivityGenerator generator = new ActivityGenerator(12);
        assertThatThrownBy(() -> generator.setTargetRate(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> generator.setTargetRate(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> generator.setTargetRate(Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> generator.setTargetRate(ActivityGenerator.MAX_RATE + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
