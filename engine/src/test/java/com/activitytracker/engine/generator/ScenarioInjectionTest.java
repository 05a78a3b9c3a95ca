package com.activitytracker.engine.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.activitytracker.engine.event.ActivityEvent;
import com.activitytracker.engine.event.ActivityEventCodec;
import com.activitytracker.engine.event.EventTypes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Tag("unit")
class ScenarioInjectionTest {
    private static final Instant INJECTED_AT = SimulatedTraffic.at(42);

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void eachScenarioTripsItsOwnRuleAndNoOther(Scenario scenario) {
        for (long seed = 0; seed < 50; seed++) {
            ActivityGenerator generator = new ActivityGenerator(seed);
            InjectedScenario injected = generator.inject(scenario, INJECTED_AT);

            List<ActivityEvent> events = generator.dueScenarioEvents(injected.completedAt());

            assertThat(FraudPatterns.rulesTrippedBy(events))
                    .as("seed %d", seed)
                    .containsExactly(scenario.expectedRule());
        }
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void scenarioPlaysOutWithinAboutASecondAndAHalfFromTheInjection(Scenario scenario) {
        ActivityGenerator generator = new ActivityGenerator(31);
        InjectedScenario injected = generator.inject(scenario, INJECTED_AT);

        List<ActivityEvent> events = generator.dueScenarioEvents(INJECTED_AT.plusSeconds(10));

        assertThat(events).hasSize(injected.eventCount());
        assertThat(events.get(0).timestamp()).isEqualTo(INJECTED_AT);
        assertThat(events.get(events.size() - 1).timestamp()).isEqualTo(injected.completedAt());
        assertThat(Duration.between(INJECTED_AT, injected.completedAt()))
                .isBetween(Duration.ofMillis(900), Duration.ofMillis(1_500));
        assertThat(events).isSortedAccordingTo((a, b) -> a.timestamp().compareTo(b.timestamp()));
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void scenarioIsRecordedInGroundTruth(Scenario scenario) {
        ActivityGenerator generator = new ActivityGenerator(32);
        InjectedScenario injected = generator.inject(scenario, INJECTED_AT);

        List<ActivityEvent> events = generator.dueScenarioEvents(injected.completedAt());

        assertThat(generator.groundTruth()).containsExactly(injected);
        assertThat(injected.scenario()).isEqualTo(scenario);
        assertThat(injected.expectedRule()).isEqualTo(scenario.expectedRule());
        assertThat(injected.injectedAt()).isEqualTo(INJECTED_AT);
        assertThat(injected.id()).isNotBlank();
        assertThat(events).extracting(ActivityEvent::userId).containsOnly(injected.userId());
    }

    @ParameterizedTest
    @EnumSource(Scenario.class)
    void scenarioEventsAreValidPerTheContract(Scenario scenario) throws Exception {
        ActivityGenerator generator = new ActivityGenerator(33);
        InjectedScenario injected = generator.inject(scenario, INJECTED_AT);
        ActivityEventCodec codec = new ActivityEventCodec();

        for (ActivityEvent event : generator.dueScenarioEvents(injected.completedAt())) {
            assertThat(codec.decode(codec.encode(event))).isEqualTo(event);
            assertThat(event.sessionId()).isNotBlank();
            assertThat(event.geo().country()).matches("[A-Z]{2}");
        }
    }

    @Test
    void botBurstIsFortyToFiftyActionsInOneSession() {
        List<ActivityEvent> events = play(Scenario.BOT_BURST, 34);
        assertThat(events).hasSizeBetween(40, 50);
        assertThat(events)
                .extracting(ActivityEvent::sessionId)
                .containsOnly(events.get(0).sessionId());
        assertThat(events)
                .extracting(ActivityEvent::eventType)
                .containsOnly(EventTypes.PAGE_VIEW, EventTypes.CLICK, EventTypes.SEARCH);
    }

    @Test
    void cardTestingIsSixToEightPurchasesUnderFiveDollars() {
        List<ActivityEvent> events = play(Scenario.CARD_TESTING, 35);
        assertThat(events).hasSizeBetween(6, 8).allSatisfy(e -> {
            assertThat(e.eventType()).isEqualTo(EventTypes.PURCHASE);
            assertThat(e.amount()).isPositive().isLessThan(5.00);
            assertThat(e.orderId()).isNotBlank();
        });
    }

    @Test
    void accountTakeoverIsSixToEightFailedLoginsThenALogin() {
        List<ActivityEvent> events = play(Scenario.ACCOUNT_TAKEOVER, 36);
        List<ActivityEvent> failed = events.subList(0, events.size() - 1);
        assertThat(failed).hasSizeBetween(6, 8).allMatch(e -> e.is(EventTypes.LOGIN_FAILED));
        assertThat(events.get(events.size() - 1).eventType()).isEqualTo(EventTypes.LOGIN);
    }

    @Test
    void impossibleTravelGoesToAnotherCountryWithinSeconds() {
        List<ActivityEvent> events = play(Scenario.IMPOSSIBLE_TRAVEL, 37);
        ActivityEvent first = events.get(0);
        ActivityEvent last = events.get(events.size() - 1);
        assertThat(last.country()).isNotEqualTo(first.country());
        assertThat(Duration.between(first.timestamp(), last.timestamp())).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void whalePurchaseIsOnePurchaseOfSevenAndAHalfToTwentyFiveThousand() {
        for (long seed = 0; seed < 50; seed++) {
            List<ActivityEvent> purchases = play(Scenario.WHALE_PURCHASE, seed).stream()
                    .filter(e -> e.is(EventTypes.PURCHASE))
                    .toList();
            assertThat(purchases)
                    .singleElement()
                    .satisfies(p -> assertThat(p.amount()).isBetween(7_500.0, 25_000.0));
        }
    }

    @Test
    void scenarioUsersLookOrdinaryButAreNeverOrdinaryUsers() {
        ActivityGenerator generator = new ActivityGenerator(38);
        generator.setTargetRate(500);
        List<String> ordinaryUsers = new ArrayList<>();
        List<String> attackers = new ArrayList<>();
        for (int i = 0; i < 500 * 300; i++) {
            Instant now = SimulatedTraffic.at(i / 500.0);
            if (i % 30_000 == 0) {
                for (Scenario scenario : Scenario.values()) {
                    attackers.add(generator.inject(scenario, now).userId());
                }
            }
            generator.dueScenarioEvents(now);
            ordinaryUsers.add(generator.next(now).userId());
        }

        assertThat(attackers).doesNotHaveDuplicates().allMatch(id -> id.matches("user-\\d{8}"));
        assertThat(attackers).allMatch(UserDirectory::isScenarioUserId);
        assertThat(ordinaryUsers).noneMatch(UserDirectory::isScenarioUserId);
    }

    @Test
    void groundTruthForgetsTheOldestInjectionsBeyondItsLimit() {
        ActivityGenerator generator = new ActivityGenerator(42);
        InjectedScenario first = generator.inject(Scenario.WHALE_PURCHASE, INJECTED_AT);
        InjectedScenario last = first;
        for (int i = 0; i < ActivityGenerator.GROUND_TRUTH_LIMIT; i++) {
            last = generator.inject(Scenario.WHALE_PURCHASE, INJECTED_AT.plusSeconds(i));
            generator.dueScenarioEvents(last.completedAt());
        }

        List<InjectedScenario> truth = generator.groundTruth();

        assertThat(truth)
                .hasSize(ActivityGenerator.GROUND_TRUTH_LIMIT)
                .doesNotContain(first)
                .endsWith(last);
    }

    @Test
    void dueScenarioEventsHandsOutEachEventOnceWhenItsTimeComes() {
        ActivityGenerator generator = new ActivityGenerator(39);
        InjectedScenario injected = generator.inject(Scenario.BOT_BURST, INJECTED_AT);

        assertThat(generator.dueScenarioEvents(INJECTED_AT.minusMillis(1))).isEmpty();
        List<ActivityEvent> delivered = new ArrayList<>();
        for (int ms = 0; ms <= 1_600; ms += 100) {
            Instant now = INJECTED_AT.plusMillis(ms);
            List<ActivityEvent> due = generator.dueScenarioEvents(now);
            assertThat(due).allMatch(e -> !e.timestamp().isAfter(now));
            delivered.addAll(due);
        }

        assertThat(delivered).hasSize(injected.eventCount()).doesNotHaveDuplicates();
        assertThat(generator.pendingScenarioEvents()).isZero();
        assertThat(generator.dueScenarioEvents(INJECTED_AT.plusSeconds(60))).isEmpty();
    }

    @Test
    void groundTruthKeepsEveryInjectionInOrderAndCannotBeChangedByTheCaller() {
        ActivityGenerator generator = new ActivityGenerator(40);
        List<InjectedScenario> injected = new ArrayList<>();
        for (Scenario scenario : Scenario.values()) {
            injected.add(generator.inject(scenario, INJECTED_AT));
        }

        List<InjectedScenario> truth = generator.groundTruth();

        assertThat(truth).containsExactlyElementsOf(injected);
        assertThat(truth).extracting(InjectedScenario::id).doesNotHaveDuplicates();
        assertThat(truth).extracting(InjectedScenario::userId).doesNotHaveDuplicates();
        assertThatThrownBy(truth::clear).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void overlappingScenariosInterleaveInTimeOrder() {
        ActivityGenerator generator = new ActivityGenerator(41);
        InjectedScenario first = generator.inject(Scenario.BOT_BURST, INJECTED_AT);
        InjectedScenario second = generator.inject(Scenario.CARD_TESTING, INJECTED_AT.plusMillis(500));

        List<ActivityEvent> events = generator.dueScenarioEvents(INJECTED_AT.plusSeconds(5));

        assertThat(events).hasSize(first.eventCount() + second.eventCount());
        assertThat(events).isSortedAccordingTo((a, b) -> a.timestamp().compareTo(b.timestamp()));
        assertThat(Set.copyOf(events.stream().map(ActivityEvent::userId).toList()))
                .containsExactlyInAnyOrder(first.userId(), second.userId());
    }

    @Test
    void everyScenarioHasADisplayNameAndADescription() {
        for (Scenario scenario : Scenario.values()) {
            assertThat(scenario.displayName()).isNotBlank();
            assertThat(scenario.description()).isNotBlank();
        }
        assertThat(Scenario.values())
                .extracting(Scenario::expectedRule)
                .containsExactly(
                        "HIGH_VELOCITY",
                        "CARD_TESTING",
                        "ACCOUNT_TAKEOVER",
                        "IMPOSSIBLE_TRAVEL",
                        "HIGH_VALUE_PURCHASE");
    }

    private static List<ActivityEvent> play(Scenario scenario, long seed) {
        ActivityGenerator generator = new ActivityGenerator(seed);
        InjectedScenario injected = generator.inject(scenario, INJECTED_AT);
        return generator.dueScenarioEvents(injected.completedAt());
    }
}
