package com.activitytracker.engine.fraud;

import static com.activitytracker.engine.fraud.TestEvents.at;
import static com.activitytracker.engine.fraud.TestEvents.feed;
import static com.activitytracker.engine.fraud.TestEvents.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.activitytracker.engine.event.ActivityEvent;
import com.activitytracker.engine.event.EventTypes;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class HighValuePurchaseRuleTest {
    private final TestEvents events = new TestEvents();
    private final FraudDetector detector = TestEvents.detector();

    private List<FraudAlert> highValueAlerts(ActivityEvent... stream) {
        return only(HighValuePurchaseRule.NAME, feed(detector, List.of(stream)));
    }

    @Test
    void highValueRuleFiresMediumAtTheThreshold() {
        ActivityEvent purchase = events.purchase("u1", 10, 5000.00);

        assertThat(highValueAlerts(purchase)).singleElement().satisfies(alert -> {
            assertThat(alert.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(alert.eventTime()).isEqualTo(at(10));
            assertThat(alert.evidenceEventIds()).containsExactly(purchase.eventId());
            assertThat(alert.description())
                    .isEqualTo("Purchase of 5,000.00 USD is at or above the 5,000.00 high-value threshold");
            assertThat(alert.details())
                    .containsExactly(
                            entry("amount", 5000.0),
                            entry("currency", "USD"),
                            entry("threshold", 5000.0),
                            entry("high_severity_from", 20000.0));
        });
    }

    @Test
    void highValueRuleStaysSilentBelowTheThreshold() {
        assertThat(highValueAlerts(events.purchase("u1", 10, 4999.99))).isEmpty();
    }

    @Test
    void highValueRuleIsHighSeverityFrom20000() {
        assertThat(highValueAlerts(events.purchase("u1", 10, 19_999.99), events.purchase("u1", 20, 20_000)))
                .extracting(FraudAlert::severity)
                .containsExactly(Severity.MEDIUM, Severity.HIGH);
    }

    @Test
    void highValueRuleLooksAtPurchasesOnly() {
        ActivityEvent checkout =
                events.builder(EventTypes.CHECKOUT, "u1", 10).amount(9000.0).build();

        assertThat(highValueAlerts(checkout)).isEmpty();
    }

    @Test
    void highValueRuleReportsThePurchaseCurrency() {
        ActivityEvent purchase = events.builder(EventTypes.PURCHASE, "u1", 10)
                .amount(6000.0)
                .currency("EUR")
                .build();

        assertThat(highValueAlerts(purchase))
                .singleElement()
                .satisfies(alert -> assertThat(alert.details()).containsEntry("currency", "EUR"));
    }

    /** The pattern is one purchase, so there is no window to be silent in: each large order is news. */
    @Test
    void highValueRuleFiresForEveryLargePurchase() {
        List<FraudAlert> alerts = highValueAlerts(events.purchase("u1", 10, 6000), events.purchase("u1", 20, 7000));

        assertThat(alerts).hasSize(2);
        assertThat(alerts.get(0).alertId()).isNotEqualTo(alerts.get(1).alertId());
    }

    @Test
    void highValueRuleFiresForALatePurchase() {
        assertThat(highValueAlerts(events.pageView("u1", 7200), events.purchase("u1", 10, 6000)))
                .hasSize(1);
    }

    @Test
    void highValueRuleGivesARedeliveredPurchaseTheSameAlertId() {
        ActivityEvent purchase = events.purchase("u1", 10, 6000);

        List<FraudAlert> alerts = highValueAlerts(purchase, purchase);

        assertThat(alerts)
                .extracting(FraudAlert::alertId)
                .containsOnly(alerts.get(0).alertId())
                .hasSize(2);
    }

    @Test
    void highValueRuleFollowsAChangedThreshold() {
        detector.updateThresholds(FraudThresholds.defaults().withHighValueAmount(1000));

        assertThat(highValueAlerts(events.purchase("u1", 10, 1000), events.purchase("u1", 20, 4000)))
                .extracting(FraudAlert::severity)
                .containsExactly(Severity.MEDIUM, Severity.HIGH);
    }
}
