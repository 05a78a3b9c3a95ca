package com.activitytracker.engine.fraud;

import static com.activitytracker.engine.fraud.TestEvents.START;
import static com.activitytracker.engine.fraud.TestEvents.at;
import static com.activitytracker.engine.fraud.TestEvents.feed;
import static com.activitytracker.engine.fraud.TestEvents.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import com.activitytracker.engine.event.ActivityEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class FraudDetectorTest {
    private final TestEvents events = new TestEvents();
    private final FraudDetector detector = TestEvents.detector();

    @Test
    void detectorRunsTheFiveContractRules() {
        assertThat(detector.ruleNames())
                .containsExactly(
                        VelocityRule.NAME,
                        HighValuePurchaseRule.NAME,
                        CardTestingRule.NAME,
                        AccountTakeoverRule.NAME,
                        ImpossibleTravelRule.NAME);
    }

    @Test
    void pastTheCapTheLeastRecentlyActiveUserIsForgottenFirst() {
        FraudDetector capped = new FraudDetector(FraudThresholds.defaults(), TestEvents.CLOCK, 3);
        capped.onEvent(events.seenIn("dormant", 0, "US"));
        capped.onEvent(events.seenIn("a", 1, "US"));
        capped.onEvent(events.seenIn("b", 2, "US"));
        capped.onEvent(events.seenIn("c", 3, "US"));
        assertThat(capped.trackedUsers()).isEqualTo(3);
        assertThat(capped.forgottenUsers()).isEqualTo(1);

        // the recently active keep their windows: "a" in another country is caught; "dormant" is not
        assertThat(capped.onEvent(events.seenIn("a", 4, "FR")))
                .extracting(FraudAlert::rule)
                .containsExactly(ImpossibleTravelRule.NAME);
        assertThat(capped.onEvent(events.seenIn("dormant", 5, "FR"))).isEmpty();
        assertThat(capped.trackedUsers()).isEqualTo(3);
    }

    @Test
    void oneEventCanCompleteSeveralPatterns() {
        detector.onEvent(events.seenIn("u1", 0, "US"));
        ActivityEvent purchase = events.builder("purchase", "u1", 60)
                .amount(9000.0)
                .geo(new ActivityEvent.Geo("DE", "Berlin"))
                .build();

        assertThat(detector.onEvent(purchase))
                .extracting(FraudAlert::rule)
                .containsExactly(HighValuePurchaseRule.NAME, ImpossibleTravelRule.NAME);
    }

    @Test
    void ordinaryTrafficRaisesNoAlerts() {
        List<ActivityEvent> stream = new ArrayList<>();
        for (int user = 0; user < 50; user++) {
            for (int i = 0; i < 20; i++) {
                stream.add(events.builder("page_view", "user-" + user, user + 90L * i)
                        .geo(new ActivityEvent.Geo("US", "Austin"))
                        .build());
            }
        }

        assertThat(feed(detector, stream)).isEmpty();
    }

    @Test
    void loweredThresholdTakesEffectFromTheNextEvent() {
        assertThat(feed(detector, events.pageViews("u1", 0, 7))).isEmpty();

        detector.updateThresholds(FraudThresholds.defaults().withVelocityMaxEvents(8));

        assertThat(detector.onEvent(events.pageView("u1", 8))).singleElement().satisfies(alert -> {
            assertThat(alert.details()).containsEntry("count", 9L).containsEntry("threshold", 8L);
            assertThat(alert.description()).isEqualTo("User has 9 events in the last 60 seconds");
        });
        assertThat(detector.thresholds().velocityMaxEvents()).isEqualTo(8);
    }

    @Test
    void shortenedWindowTakesEffectFromTheNextEvent() {
        FraudThresholds eightPerMinute = FraudThresholds.defaults().withVelocityMaxEvents(8);
        detector.updateThresholds(eightPerMinute);
        feed(detector, events.pageViews("u1", 0, 6));

        detector.updateThresholds(eightPerMinute.withVelocityWindow(Duration.ofSeconds(5)));

        assertThat(detector.onEvent(events.pageView("u1", 7))).isEmpty();
    }

    @Test
    void warmUpRaisesNoAlertsButRemembersThemForTheWindow() {
        events.pageViews("u1", 0, 29).forEach(detector::warmUp);

        assertThat(detector.onEvent(events.pageView("u1", 30))).isEmpty();
        assertThat(only(VelocityRule.NAME, feed(detector, events.pageViews("u1", 31, 89))))
                .extracting(FraudAlert::eventTime)
                .containsExactly(at(89));
    }

    @Test
    void warmUpRebuildsWindowsSoAPatternCanCompleteAfterARestart() {
        events.pageViews("u1", 0, 28).forEach(detector::warmUp);

        assertThat(detector.onEvent(events.pageView("u1", 29)))
                .extracting(FraudAlert::rule)
                .containsExactly(VelocityRule.NAME);
    }

    @Test
    void replayingTheSameEventsGivesTheSameAlertIds() {
        List<ActivityEvent> stream = new ArrayList<>(events.pageViews("u1", 0, 29));
        stream.add(events.purchase("u2", 10, 7500));

        List<FraudAlert> live = feed(TestEvents.detector(), stream);
        List<FraudAlert> replay = feed(TestEvents.detector(), stream);

        assertThat(replay).hasSize(2).isEqualTo(live);
    }

    @Test
    void usersStayTrackedForTheLongestWindowAfterTheirLastEvent() {
        for (int user = 0; user < 100; user++) {
            detector.onEvent(events.pageView("user-" + user, 0));
        }

        feed(detector, events.pageViews("active", 3595, 3600));

        assertThat(detector.trackedUsers()).isEqualTo(101);
    }

    @Test
    void idleUsersExpireOnceTheWatermarkPassesThemByMoreThanTheLongestWindow() {
        for (int user = 0; user < 1000; user++) {
            detector.onEvent(events.pageView("user-" + user, 0));
        }

        feed(detector, events.pageViews("active", 3601, 4100));

        assertThat(detector.trackedUsers()).isEqualTo(1);
    }

    @Test
    void expiryDoesABoundedAmountOfWorkPerEvent() {
        for (int user = 0; user < 1000; user++) {
            detector.onEvent(events.pageView("user-" + user, 0));
        }

        detector.onEvent(events.pageView("active", 7200));

        assertThat(detector.trackedUsers()).isBetween(900, 1000);
    }

    @Test
    void expiryFollowsALongerWindowSetLive() {
        detector.onEvent(events.pageView("idle", 0));
        detector.updateThresholds(FraudThresholds.defaults().withAtoWindow(Duration.ofHours(2)));

        feed(detector, events.pageViews("active", 3601, 3610));

        assertThat(detector.trackedUsers()).isEqualTo(2);
    }

    @Test
    void anEventDatedFarAheadOfTheClockDoesNotExpireEveryoneElse() {
        FraudDetector clocked =
                new FraudDetector(FraudThresholds.defaults(), Clock.fixed(START.plusSeconds(60), ZoneOffset.UTC));
        for (int user = 0; user < 10; user++) {
            clocked.onEvent(events.pageView("user-" + user, 0));
        }

        clocked.onEvent(events.pageView("skewed", 365L * 24 * 3600));
        clocked.onEvent(events.pageView("user-0", 30));

        assertThat(clocked.trackedUsers()).isEqualTo(11);
        assertThat(clocked.watermark()).contains(START.plusSeconds(60).plus(FraudDetector.MAX_FUTURE_SKEW));
    }

    @Test
    void resetForgetsEveryUserAndTheWatermark() {
        feed(detector, events.pageViews("u1", 0, 28));

        detector.reset();

        assertThat(detector.trackedUsers()).isZero();
        assertThat(detector.watermark()).isEmpty();
        assertThat(detector.onEvent(events.pageView("u1", 29))).isEmpty();
    }

    @Test
    void watermarkIsTheNewestEventTimeSeen() {
        detector.onEvent(events.pageView("u1", 100));
        detector.onEvent(events.pageView("u2", 50));

        assertThat(detector.watermark()).contains(at(100));
    }

    @Test
    void detectorRejectsMissingArguments() {
        assertThatNullPointerException().isThrownBy(() -> detector.onEvent(null));
        assertThatNullPointerException().isThrownBy(() -> detector.updateThresholds(null));
    }
}
