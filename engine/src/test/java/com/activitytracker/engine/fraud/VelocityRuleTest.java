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
class VelocityRuleTest {
    private final TestEvents events = new TestEvents();
    private final FraudDetector detector = TestEvents.detector();

    private List<FraudAlert> velocityAlerts(List<ActivityEvent> stream) {
        return only(VelocityRule.NAME, feed(detector, stream));
    }

    @Test
    void velocityRuleFiresWhenTheThresholdIsReachedWithinTheWindow() {
        List<ActivityEvent> stream = events.pageViews("u1", 0, 29);

        List<FraudAlert> alerts = velocityAlerts(stream);

        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.severity()).isEqualTo(Severity.HIGH);
            assertThat(alert.userId()).isEqualTo("u1");
            assertThat(alert.eventTime()).isEqualTo(at(29));
            assertThat(alert.detectedAt()).isEqualTo(TestEvents.CLOCK.instant());
            assertThat(alert.description()).isEqualTo("User has 30 events in the last 60 seconds");
            assertThat(alert.evidenceEventIds()).containsExactlyElementsOf(ids(stream));
            assertThat(alert.details())
                    .containsExactly(entry("count", 30L), entry("window_seconds", 60L), entry("threshold", 30L));
            assertThat(alert.alertId())
                    .isEqualTo(FraudAlert.alertIdFor(
                            VelocityRule.NAME, "u1", stream.get(29).eventId()));
        });
    }

    @Test
    void velocityRuleStaysSilentBelowTheThreshold() {
        assertThat(velocityAlerts(events.pageViews("u1", 0, 28))).isEmpty();
    }

    @Test
    void velocityRuleCountsUsersSeparately() {
        List<ActivityEvent> stream = new ArrayList<>(events.pageViews("u1", 0, 14));
        stream.addAll(events.pageViews("u2", 15, 29));

        assertThat(velocityAlerts(stream)).isEmpty();
    }

    @Test
    void velocityRuleDropsAnEventExactlyOneWindowOld() {
        List<ActivityEvent> stream = new ArrayList<>(events.pageViews("u1", 0, 28));
        stream.add(events.pageView("u1", 60)); // the event at 0 is now a full 60 s old

        assertThat(velocityAlerts(stream)).isEmpty();
    }

    @Test
    void velocityRuleFiresOncePerWindow() {
        assertThat(velocityAlerts(events.pageViews("u1", 0, 88))).hasSize(1);
    }

    @Test
    void velocityRuleFiresAgainOnceAWindowHasPassed() {
        List<FraudAlert> alerts = velocityAlerts(events.pageViews("u1", 0, 89));

        assertThat(alerts).extracting(FraudAlert::eventTime).containsExactly(at(29), at(89));
        assertThat(alerts.get(1).details()).containsEntry("count", 60L);
    }

    @Test
    void velocityRuleCountsALateEventThatIsStillInsideTheWindow() {
        List<ActivityEvent> stream = new ArrayList<>(events.pageViews("u1", 1, 29));
        ActivityEvent late = events.pageView("u1", 0);
        stream.add(late);

        List<FraudAlert> alerts = velocityAlerts(stream);

        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.eventTime()).isEqualTo(at(0));
            assertThat(alert.evidenceEventIds()).hasSize(30).startsWith(late.eventId());
        });
    }

    @Test
    void velocityRuleIgnoresALateEventOlderThanTheWindow() {
        List<ActivityEvent> stream = new ArrayList<>(events.pageViews("u1", 100, 128));
        stream.add(events.pageView("u1", 68)); // 60 s before the newest event: just outside

        assertThat(velocityAlerts(stream)).isEmpty();
    }

    @Test
    void velocityRuleStartsAfreshForAUserWhoseStateExpired() {
        assertThat(velocityAlerts(events.pageViews("u1", 0, 29))).hasSize(1);
        feed(detector, List.of(events.pageView("other", 29 + 3601)));
        assertThat(detector.trackedUsers()).isEqualTo(1);

        assertThat(velocityAlerts(events.pageViews("u1", 4000, 4028))).isEmpty();
        assertThat(velocityAlerts(List.of(events.pageView("u1", 4029)))).hasSize(1);
    }
}
