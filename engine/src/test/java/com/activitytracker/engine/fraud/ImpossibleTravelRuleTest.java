package com.activitytracker.engine.fraud;

import static com.activitytracker.engine.fraud.TestEvents.at;
import static com.activitytracker.engine.fraud.TestEvents.feed;
import static com.activitytracker.engine.fraud.TestEvents.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.activitytracker.engine.event.ActivityEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ImpossibleTravelRuleTest {
    private final TestEvents events = new TestEvents();
    private final FraudDetector detector = TestEvents.detector();

    private List<FraudAlert> travelAlerts(ActivityEvent... stream) {
        return only(ImpossibleTravelRule.NAME, feed(detector, List.of(stream)));
    }

    @Test
    void travelRuleFiresOnTwoCountriesWithinTheWindow() {
        ActivityEvent us = events.seenIn("u1", 0, "US");
        ActivityEvent de = events.seenIn("u1", 840, "DE");

        assertThat(travelAlerts(us, de)).singleElement().satisfies(alert -> {
            assertThat(alert.severity()).isEqualTo(Severity.HIGH);
            assertThat(alert.eventTime()).isEqualTo(at(840));
            assertThat(alert.evidenceEventIds()).containsExactly(us.eventId(), de.eventId());
            assertThat(alert.description()).isEqualTo("User seen in US and DE 14 minutes apart");
            assertThat(alert.details())
                    .containsExactly(
                            entry("countries", List.of("US", "DE")),
                            entry("seconds_apart", 840L),
                            entry("window_seconds", 3600L));
        });
    }

    @Test
    void travelRuleStaysSilentWithinOneCountry() {
        assertThat(travelAlerts(
                        events.seenIn("u1", 0, "US"), events.seenIn("u1", 60, "US"), events.seenIn("u1", 120, "us")))
                .isEmpty();
    }

    @Test
    void travelRuleIgnoresEventsWithoutACountry() {
        assertThat(travelAlerts(events.seenIn("u1", 0, "US"), events.pageView("u1", 60), events.seenIn("u1", 120, " ")))
                .isEmpty();
    }

    @Test
    void travelRuleStaysSilentWhenTheCountriesAreAWindowApart() {
        assertThat(travelAlerts(events.seenIn("u1", 0, "US"), events.seenIn("u1", 3600, "DE")))
                .isEmpty();
    }

    @Test
    void travelRuleFiresOncePerWindow() {
        assertThat(travelAlerts(
                        events.seenIn("u1", 0, "US"),
                        events.seenIn("u1", 600, "DE"),
                        events.seenIn("u1", 1200, "US"),
                        events.seenIn("u1", 1800, "FR")))
                .hasSize(1);
    }

    @Test
    void travelRuleFiresAgainOnceAWindowHasPassed() {
        List<FraudAlert> alerts = travelAlerts(
                events.seenIn("u1", 0, "US"),
                events.seenIn("u1", 600, "DE"),
                events.seenIn("u1", 3000, "DE"),
                events.seenIn("u1", 4199, "US"),
                events.seenIn("u1", 4200, "US"));

        assertThat(alerts).extracting(FraudAlert::eventTime).containsExactly(at(600), at(4200));
    }

    @Test
    void travelRuleCountsALateEventThatIsStillInsideTheWindow() {
        ActivityEvent us = events.seenIn("u1", 1000, "US");
        ActivityEvent lateDe = events.seenIn("u1", 500, "DE");

        assertThat(travelAlerts(us, lateDe)).singleElement().satisfies(alert -> {
            assertThat(alert.eventTime()).isEqualTo(at(500));
            assertThat(alert.evidenceEventIds()).containsExactly(us.eventId(), lateDe.eventId());
        });
    }

    @Test
    void travelRuleIgnoresALateEventOlderThanTheWindow() {
        assertThat(travelAlerts(events.seenIn("u1", 5000, "US"), events.seenIn("u1", 1400, "DE")))
                .isEmpty();
    }

    @Test
    void travelRuleStartsAfreshForAUserWhoseStateExpired() {
        travelAlerts(events.seenIn("u1", 0, "US"));
        feed(detector, List.of(events.pageView("other", 3601)));
        assertThat(detector.trackedUsers()).isEqualTo(1);

        assertThat(travelAlerts(events.seenIn("u1", 3602, "DE"))).isEmpty();
        assertThat(travelAlerts(events.seenIn("u1", 3700, "FR"))).hasSize(1);
    }

    @Test
    void travelRuleFollowsAChangedWindow() {
        detector.updateThresholds(FraudThresholds.defaults().withTravelWindow(Duration.ofMinutes(10)));

        assertThat(travelAlerts(events.seenIn("u1", 0, "US"), events.seenIn("u1", 840, "DE")))
                .isEmpty();
    }
}
