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
class AccountTakeoverRuleTest {
    private final TestEvents events = new TestEvents();
    private final FraudDetector detector = TestEvents.detector();

    private List<FraudAlert> takeoverAlerts(List<ActivityEvent> stream) {
        return only(AccountTakeoverRule.NAME, feed(detector, stream));
    }

    private List<ActivityEvent> failedLogins(String user, long... seconds) {
        List<ActivityEvent> failures = new ArrayList<>();
        for (long s : seconds) {
            failures.add(events.loginFailed(user, s));
        }
        return failures;
    }

    @Test
    void takeoverRuleFiresCriticalOnALoginAfterFiveFailures() {
        List<ActivityEvent> failures = failedLogins("u1", 0, 10, 20, 30, 40);
        ActivityEvent login = events.login("u1", 50);
        List<ActivityEvent> stream = new ArrayList<>(failures);
        stream.add(login);

        assertThat(takeoverAlerts(stream)).singleElement().satisfies(alert -> {
            assertThat(alert.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(alert.eventTime()).isEqualTo(at(50));
            assertThat(alert.evidenceEventIds()).containsExactlyElementsOf(ids(stream));
            assertThat(alert.description()).isEqualTo("Successful login after 5 failed logins in the last 15 minutes");
            assertThat(alert.details())
                    .containsExactly(entry("failed_logins", 5L), entry("window_seconds", 900L), entry("threshold", 5L));
            assertThat(alert.alertId())
                    .isEqualTo(FraudAlert.alertIdFor(AccountTakeoverRule.NAME, "u1", login.eventId()));
        });
    }

    @Test
    void takeoverRuleStaysSilentAfterFourFailures() {
        List<ActivityEvent> stream = failedLogins("u1", 0, 10, 20, 30);
        stream.add(events.login("u1", 50));

        assertThat(takeoverAlerts(stream)).isEmpty();
    }

    @Test
    void takeoverRuleNeedsASuccessfulLogin() {
        assertThat(takeoverAlerts(failedLogins("u1", 0, 10, 20, 30, 40, 50, 60)))
                .isEmpty();
    }

    @Test
    void takeoverRuleForgetsFailuresThatLeftTheWindow() {
        List<ActivityEvent> stream = failedLogins("u1", 0, 100, 200, 300, 400);
        stream.add(events.login("u1", 950)); // the failure at 0 is more than 15 minutes old

        assertThat(takeoverAlerts(stream)).isEmpty();
    }

    @Test
    void takeoverRuleDoesNotCountAFailureAfterTheLogin() {
        List<ActivityEvent> stream = failedLogins("u1", 0, 10, 20, 30);
        stream.add(events.login("u1", 40));
        stream.add(events.loginFailed("u1", 50));

        assertThat(takeoverAlerts(stream)).isEmpty();
        assertThat(takeoverAlerts(List.of(events.login("u1", 60)))).hasSize(1);
    }

    @Test
    void takeoverRuleFiresOncePerWindow() {
        List<ActivityEvent> stream = failedLogins("u1", 0, 10, 20, 30, 40);
        stream.add(events.login("u1", 50));
        stream.add(events.login("u1", 110));
        stream.add(events.loginFailed("u1", 120));
        stream.add(events.login("u1", 130));

        assertThat(takeoverAlerts(stream)).hasSize(1);
    }

    @Test
    void takeoverRuleFiresAgainOnceAWindowHasPassed() {
        List<ActivityEvent> stream = failedLogins("u1", 0, 10, 20, 30, 40);
        stream.add(events.login("u1", 50));
        stream.addAll(failedLogins("u1", 900, 910, 920, 930, 940));
        stream.add(events.login("u1", 949)); // still within 15 minutes of the first alert
        stream.add(events.login("u1", 950));

        assertThat(takeoverAlerts(stream)).extracting(FraudAlert::eventTime).containsExactly(at(50), at(950));
    }

    @Test
    void takeoverRuleCountsALateFailureThatArrivesAfterTheLogin() {
        List<ActivityEvent> stream = failedLogins("u1", 0, 10, 20, 30);
        ActivityEvent login = events.login("u1", 60);
        stream.add(login);
        ActivityEvent lateFailure = events.loginFailed("u1", 45);
        stream.add(lateFailure);

        assertThat(takeoverAlerts(stream)).singleElement().satisfies(alert -> {
            assertThat(alert.eventTime()).isEqualTo(at(60));
            assertThat(alert.alertId())
                    .isEqualTo(FraudAlert.alertIdFor(AccountTakeoverRule.NAME, "u1", login.eventId()));
            assertThat(alert.evidenceEventIds())
                    .hasSize(6)
                    .contains(lateFailure.eventId())
                    .endsWith(login.eventId());
        });
    }

    @Test
    void takeoverRuleCountsALateLoginThatIsStillInsideTheWindow() {
        List<ActivityEvent> stream = failedLogins("u1", 0, 10, 20, 30, 40);
        stream.add(events.pageView("u1", 300));
        stream.add(events.login("u1", 50));

        assertThat(takeoverAlerts(stream))
                .singleElement()
                .satisfies(alert -> assertThat(alert.eventTime()).isEqualTo(at(50)));
    }

    @Test
    void takeoverRuleIgnoresALateLoginOlderThanTheWindow() {
        List<ActivityEvent> stream = failedLogins("u1", 0, 10, 20, 30, 40);
        stream.add(events.pageView("u1", 1000));
        stream.add(events.login("u1", 50)); // 950 s behind the newest event

        assertThat(takeoverAlerts(stream)).isEmpty();
    }

    @Test
    void takeoverRuleStartsAfreshForAUserWhoseStateExpired() {
        takeoverAlerts(failedLogins("u1", 0, 10, 20, 30));
        feed(detector, List.of(events.pageView("other", 30 + 3601)));
        assertThat(detector.trackedUsers()).isEqualTo(1);

        List<ActivityEvent> stream = failedLogins("u1", 3700);
        stream.add(events.login("u1", 3710));
        assertThat(takeoverAlerts(stream)).isEmpty();
    }
}
