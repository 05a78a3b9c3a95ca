package com.activitytracker.engine.fraud;

import static com.activitytracker.engine.fraud.TestEvents.at;
import static com.activitytracker.engine.fraud.TestEvents.feed;
import static com.activitytracker.engine.fraud.TestEvents.ids;
import static com.activitytracker.engine.fraud.TestEvents.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.activitytracker.engine.event.ActivityEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class CardTestingRuleTest {
    private final TestEvents events = new TestEvents();
    private final FraudDetector detector = TestEvents.detector();

    private List<FraudAlert> cardTestingAlerts(List<ActivityEvent> stream) {
        return only(CardTestingRule.NAME, feed(detector, stream));
    }

    /** A small purchase at each of the given seconds. */
    private List<ActivityEvent> smallPurchases(String user, long... seconds) {
        List<ActivityEvent> purchases = new ArrayList<>();
        for (long s : seconds) {
            purchases.add(events.purchase(user, s, 1.00));
        }
        return purchases;
    }

    @Test
    void cardTestingRuleFiresAtTheFifthSmallPurchaseWithinTheWindow() {
        List<ActivityEvent> stream = smallPurchases("u1", 0, 60, 120, 180, 240);

        assertThat(cardTestingAlerts(stream)).singleElement().satisfies(alert -> {
            assertThat(alert.severity()).isEqualTo(Severity.HIGH);
            assertThat(alert.eventTime()).isEqualTo(at(240));
            assertThat(alert.evidenceEventIds()).containsExactlyElementsOf(ids(stream));
            assertThat(alert.description()).isEqualTo("User made 5 purchases under 5.00 in the last 10 minutes");
            assertThat(alert.details())
                    .containsExactly(
                            entry("count", 5L),
                            entry("max_amount", 5.0),
                            entry("window_seconds", 600L),
                            entry("threshold", 5L));
        });
    }

    @Test
    void cardTestingRuleStaysSilentBelowTheCount() {
        assertThat(cardTestingAlerts(smallPurchases("u1", 0, 60, 120, 180))).isEmpty();
    }

    @Test
    void cardTestingRuleDoesNotCountAPurchaseAtTheMaxAmount() {
        List<ActivityEvent> stream = smallPurchases("u1", 0, 60, 120, 180);
        stream.add(events.purchase("u1", 240, 5.00));

        assertThat(cardTestingAlerts(stream)).isEmpty();
    }

    @Test
    void cardTestingRuleForgetsPurchasesThatLeftTheWindow() {
        assertThat(cardTestingAlerts(smallPurchases("u1", 0, 60, 120, 180, 600)))
                .isEmpty();
    }

    @Test
    void cardTestingRuleFiresOncePerWindow() {
        assertThat(cardTestingAlerts(smallPurchases("u1", 0, 60, 120, 180, 240, 300, 360, 420, 480, 540)))
                .hasSize(1);
    }

    @Test
    void cardTestingRuleFiresAgainOnceAWindowHasPassed() {
        long[] everyMinute = new long[15];
        for (int i = 0; i < everyMinute.length; i++) {
            everyMinute[i] = 60L * i;
        }

        assertThat(cardTestingAlerts(smallPurchases("u1", everyMinute)))
                .extracting(FraudAlert::eventTime)
                .containsExactly(at(240), at(840));
    }

    @Test
    void cardTestingRuleCountsALatePurchaseThatIsStillInsideTheWindow() {
        List<ActivityEvent> stream = smallPurchases("u1", 60, 120, 180, 240);
        ActivityEvent late = events.purchase("u1", 0, 0.50);
        stream.add(late);

        assertThat(cardTestingAlerts(stream)).singleElement().satisfies(alert -> {
            assertThat(alert.eventTime()).isEqualTo(at(0));
            assertThat(alert.evidenceEventIds()).hasSize(5).startsWith(late.eventId());
        });
    }

    @Test
    void cardTestingRuleIgnoresALatePurchaseOlderThanTheWindow() {
        List<ActivityEvent> stream = smallPurchases("u1", 700, 760, 820, 880);
        stream.add(events.purchase("u1", 280, 1.00)); // 600 s before the newest purchase

        assertThat(cardTestingAlerts(stream)).isEmpty();
    }

    @Test
    void cardTestingRuleStartsAfreshForAUserWhoseStateExpired() {
        cardTestingAlerts(smallPurchases("u1", 0, 60, 120, 180));
        feed(detector, List.of(events.pageView("other", 180 + 3601)));
        assertThat(detector.trackedUsers()).isEqualTo(1);

        assertThat(cardTestingAlerts(smallPurchases("u1", 4000))).isEmpty();
        assertThat(cardTestingAlerts(smallPurchases("u1", 4060, 4120, 4180, 4240)))
                .hasSize(1);
    }

    @Test
    void cardTestingRuleFollowsAChangedMaxAmount() {
        detector.updateThresholds(FraudThresholds.defaults().withCardTestMaxAmount(1.00));

        assertThat(cardTestingAlerts(smallPurchases("u1", 0, 60, 120, 180, 240)))
                .isEmpty();
    }
}
