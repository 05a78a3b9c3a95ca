package com.activitytracker.engine.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.activitytracker.engine.event.ActivityEvent;
import com.activitytracker.engine.event.EventTypes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Ordinary traffic must not look like fraud: at the default thresholds, no simulated user may meet
 * any rule's pattern, however high the rate. Checked on a busy five minutes, where users are many,
 * and on a quiet two hours, where the same users come back several times.
 */
@Tag("unit")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrdinaryTrafficTripsNoRuleTest {
    private Map<String, List<ActivityEvent>> busyByUser;
    private Map<String, List<ActivityEvent>> quietByUser;

    @BeforeAll
    void simulate() {
        busyByUser = FraudPatterns.byUser(SimulatedTraffic.run(new ActivityGenerator(1), 1_000, Duration.ofMinutes(5)));
        quietByUser = FraudPatterns.byUser(SimulatedTraffic.run(new ActivityGenerator(2), 20, Duration.ofHours(2)));
    }

    @Test
    void noUserReachesThirtyEventsInSixtySecondsAtAThousandEventsPerSecond() {
        assertThat(maxOverUsers(
                        busyByUser, own -> FraudPatterns.maxWithin(own, FraudPatterns.VELOCITY_WINDOW, e -> true)))
                .isLessThanOrEqualTo(HumanPace.DEFAULT.maxActionsWithin(FraudPatterns.VELOCITY_WINDOW))
                .isLessThan(FraudPatterns.VELOCITY_MAX_EVENTS);
    }

    @Test
    void noUserReachesThirtyEventsInSixtySecondsWhenUsersComeBack() {
        assertThat(maxOverUsers(
                        quietByUser, own -> FraudPatterns.maxWithin(own, FraudPatterns.VELOCITY_WINDOW, e -> true)))
                .isLessThanOrEqualTo(HumanPace.DEFAULT.maxActionsWithin(FraudPatterns.VELOCITY_WINDOW))
                .isLessThan(FraudPatterns.VELOCITY_MAX_EVENTS);
    }

    @Test
    void usersComeBackInTheQuietRun() {
        long returning = quietByUser.values().stream()
                .filter(own ->
                        own.stream().map(ActivityEvent::sessionId).distinct().count() > 1)
                .count();
        assertThat(returning).isGreaterThan(quietByUser.size() / 2);
    }

    @Test
    void noUserActsTwiceWithinASecond() {
        for (Map<String, List<ActivityEvent>> byUser : List.of(busyByUser, quietByUser)) {
            byUser.values().forEach(own -> {
                for (int i = 1; i < own.size(); i++) {
                    assertThat(Duration.between(
                                    own.get(i - 1).timestamp(), own.get(i).timestamp()))
                            .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
                }
            });
        }
    }

    @Test
    void usersThinkAboutFiveSecondsBetweenActionsOnAverage() {
        List<Duration> gaps = new ArrayList<>();
        sessions(busyByUser).values().forEach(own -> {
            for (int i = 1; i < own.size(); i++) {
                gaps.add(Duration.between(own.get(i - 1).timestamp(), own.get(i).timestamp()));
            }
        });
        double meanSeconds =
                gaps.stream().mapToLong(Duration::toNanos).average().orElseThrow() / 1e9;
        assertThat(meanSeconds).isBetween(4.5, 6.0);
    }

    @Test
    void noUserMakesFivePurchasesUnderFiveDollarsInTenMinutes() {
        for (Map<String, List<ActivityEvent>> byUser : List.of(busyByUser, quietByUser)) {
            assertThat(maxOverUsers(
                            byUser,
                            own -> FraudPatterns.maxWithin(
                                    own, FraudPatterns.CARD_TEST_WINDOW, FraudPatterns::isSmallPurchase)))
                    .isZero();
        }
    }

    @Test
    void noUserLogsInAfterFiveFailedLogins() {
        for (Map<String, List<ActivityEvent>> byUser : List.of(busyByUser, quietByUser)) {
            assertThat(maxOverUsers(
                            byUser,
                            own -> FraudPatterns.maxWithin(
                                    own, FraudPatterns.ATO_WINDOW, e -> e.is(EventTypes.LOGIN_FAILED))))
                    .isLessThan(FraudPatterns.ATO_FAILED_LOGINS);
        }
    }

    @Test
    void noSessionHasMoreThanTwoFailedLogins() {
        sessions(quietByUser)
                .values()
                .forEach(own -> assertThat(own.stream()
                                .filter(e -> e.is(EventTypes.LOGIN_FAILED))
                                .count())
                        .isLessThanOrEqualTo(ShopSession.MAX_FAILED_LOGINS));
    }

    @Test
    void everyUserStaysInOneCountry() {
        for (Map<String, List<ActivityEvent>> byUser : List.of(busyByUser, quietByUser)) {
            byUser.forEach((user, own) -> assertThat(
                            own.stream().map(ActivityEvent::country).distinct())
                    .as(user)
                    .hasSize(1));
        }
    }

    @Test
    void noPurchaseReachesTheHighValueThreshold() {
        for (Map<String, List<ActivityEvent>> byUser : List.of(busyByUser, quietByUser)) {
            byUser.values().stream()
                    .flatMap(List::stream)
                    .filter(e -> e.is(EventTypes.PURCHASE))
                    .forEach(p -> assertThat(p.amount()).isLessThan(FraudPatterns.HIGH_VALUE_AMOUNT));
        }
    }

    @Test
    void noRuleMatchesOrdinaryTraffic() {
        List<ActivityEvent> all = new ArrayList<>();
        busyByUser.values().forEach(all::addAll);
        quietByUser.values().forEach(all::addAll);
        assertThat(FraudPatterns.usersByRule(all)).isEmpty();
    }

    @Test
    void oneUserNeverHasTwoSessionsAtOnce() {
        for (Map<String, List<ActivityEvent>> byUser : List.of(busyByUser, quietByUser)) {
            byUser.forEach((user, own) -> {
                // events in time order: once a user's session changes, the earlier one never reappears
                List<String> order =
                        own.stream().map(ActivityEvent::sessionId).distinct().toList();
                List<String> runs = new ArrayList<>();
                for (ActivityEvent e : own) {
                    if (runs.isEmpty() || !runs.get(runs.size() - 1).equals(e.sessionId())) {
                        runs.add(e.sessionId());
                    }
                }
                assertThat(runs).as(user).isEqualTo(order);
            });
        }
    }

    @Test
    void sessionsEndWithinMinutes() {
        Instant firstMinute = SimulatedTraffic.at(60);
        Instant fourthMinute = SimulatedTraffic.at(240);
        List<List<ActivityEvent>> early = sessions(busyByUser).values().stream()
                .filter(own -> own.get(0).timestamp().isBefore(firstMinute))
                .toList();
        long ended = early.stream()
                .filter(own -> own.get(own.size() - 1).timestamp().isBefore(fourthMinute))
                .count();

        assertThat((double) ended / early.size()).isGreaterThan(0.9);
        assertThat(sessions(busyByUser).values().stream()
                        .mapToInt(List::size)
                        .max()
                        .orElseThrow())
                .isLessThanOrEqualTo(ShopSession.MAX_EVENTS);
    }

    private static Map<String, List<ActivityEvent>> sessions(Map<String, List<ActivityEvent>> byUser) {
        Map<String, List<ActivityEvent>> bySession = new LinkedHashMap<>();
        byUser.values()
                .forEach(own -> own.forEach(e -> bySession
                        .computeIfAbsent(e.sessionId(), s -> new ArrayList<>())
                        .add(e)));
        return bySession;
    }

    private static int maxOverUsers(
            Map<String, List<ActivityEvent>> byUser, ToIntFunction<List<ActivityEvent>> measure) {
        return byUser.values().stream().mapToInt(measure).max().orElse(0);
    }
}
