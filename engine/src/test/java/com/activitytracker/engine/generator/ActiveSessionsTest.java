package com.activitytracker.engine.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.activitytracker.engine.event.ActivityEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ActiveSessionsTest {

    @Test
    void activeSessionsAreAboutRateTimesMeanThinkTime() {
        ActivityGenerator generator = new ActivityGenerator(3);
        SimulatedTraffic.run(generator, 100, Duration.ofMinutes(3));
        assertThat((double) generator.activeSessions()).isCloseTo(100 * 5, within(100.0));

        SimulatedTraffic.run(generator, 1_000, SimulatedTraffic.at(180), Duration.ofMinutes(3));
        assertThat((double) generator.activeSessions()).isCloseTo(1_000 * 5, within(1_000.0));
    }

    @Test
    void loweringTheRateClosesSessions() {
        ActivityGenerator generator = new ActivityGenerator(4);
        SimulatedTraffic.run(generator, 2_000, Duration.ofMinutes(2));
        assertThat(generator.activeSessions()).isGreaterThan(8_000);

        SimulatedTraffic.run(generator, 50, SimulatedTraffic.at(120), Duration.ofMinutes(5));
        assertThat((double) generator.activeSessions()).isCloseTo(50 * 5, within(75.0));
    }

    @Test
    void fiftyThousandEventsPerSecondKeepEachUserHuman() {
        ActivityGenerator generator = new ActivityGenerator(5);
        generator.setTargetRate(50_000);
        Map<String, String> sessionOfUser = new HashMap<>();
        Map<String, Integer> eventsOfUser = new HashMap<>();
        int seconds = 20;
        for (int i = 0; i < 50_000 * seconds; i++) {
            ActivityEvent e = generator.next(SimulatedTraffic.at(i / 50_000.0));
            assertThat(sessionOfUser.computeIfAbsent(e.userId(), u -> e.sessionId()))
                    .isEqualTo(e.sessionId());
            eventsOfUser.merge(e.userId(), 1, Integer::sum);
        }

        assertThat(generator.activeSessions()).isBetween(200_000, 260_000);
        // at least a second between one user's actions
        assertThat(eventsOfUser.values()).allMatch(n -> n <= seconds + 1);
    }

    @Test
    void userPoolGrowsWithTheRateSoUsersReturnOnlyAfterHalfAnHour() {
        ActivityGenerator generator = new ActivityGenerator(6);
        generator.setTargetRate(10);
        int quietPool = generator.userPoolSize();
        generator.setTargetRate(10_000);
        int busyPool = generator.userPoolSize();
        generator.setTargetRate(10);

        assertThat(quietPool).isEqualTo(UserPool.MIN_USERS);
        assertThat(busyPool).isEqualTo((int) Math.ceil(10_000 / ShopSession.MEAN_EVENTS * UserPool.RETURN_SECONDS));
        assertThat(generator.userPoolSize()).as("the pool never shrinks").isEqualTo(busyPool);
    }

    @Test
    void callingFarAboveTheTargetRateStillBoundsTheSessions() {
        ActivityGenerator generator = new ActivityGenerator(7);
        generator.setTargetRate(10);
        Instant now = SimulatedTraffic.START;
        for (int i = 0; i < 10_000; i++) {
            generator.next(now);
        }
        assertThat(generator.activeSessions()).isEqualTo(2 * 50 + 64);
    }
}
