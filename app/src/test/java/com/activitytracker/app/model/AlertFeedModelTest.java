package com.activitytracker.app.model;

import static com.activitytracker.app.model.TestSnapshots.alert;
import static org.assertj.core.api.Assertions.assertThat;

import com.activitytracker.engine.fraud.FraudAlert;
import com.activitytracker.engine.fraud.Severity;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class AlertFeedModelTest {
    private final AlertFeedModel feed = new AlertFeedModel(ZoneOffset.UTC);

    @Test
    void newestAlertsComeFirst() {
        feed.addAll(List.of(alert("a1", Severity.LOW), alert("a2", Severity.HIGH)));
        feed.addAll(List.of(alert("a3", Severity.LOW)));
        assertThat(feed.visibleAlerts()).extracting(FraudAlert::alertId).containsExactly("a3", "a2", "a1");
    }

    @Test
    void keepsOnlyTheNewestThreeHundred() {
        for (int batch = 0; batch < 10; batch++) {
            List<FraudAlert> alerts = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                alerts.add(alert(batch + "-" + i, Severity.MEDIUM));
            }
            feed.addAll(alerts);
        }
        assertThat(feed.allAlerts()).hasSize(AlertFeedModel.MAX_ALERTS);
        assertThat(feed.allAlerts().get(0).alertId()).isEqualTo("9-49");
        assertThat(feed.allAlerts().get(299).alertId()).isEqualTo("4-0");
    }

    @Test
    void aBatchLargerThanTheFeedKeepsItsNewest() {
        List<FraudAlert> alerts = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            alerts.add(alert("a" + i, Severity.LOW));
        }
        feed.addAll(alerts);
        assertThat(feed.allAlerts()).hasSize(300);
        assertThat(feed.allAlerts().get(0).alertId()).isEqualTo("a399");
    }

    @Test
    void aRedeliveredAlertIsShownOnce() {
        feed.addAll(List.of(alert("a1", Severity.LOW)));
        feed.addAll(List.of(alert("a1", Severity.LOW)));
        assertThat(feed.allAlerts()).hasSize(1);
    }

    @Test
    void filterShowsOneSeverity() {
        feed.addAll(List.of(alert("a1", Severity.LOW), alert("a2", Severity.CRITICAL), alert("a3", Severity.LOW)));
        feed.filterProperty().set(SeverityFilter.LOW);
        assertThat(feed.visibleAlerts()).extracting(FraudAlert::alertId).containsExactly("a3", "a1");
        assertThat(feed.summaryProperty().get()).startsWith("Showing 2 of the newest 3");
        feed.filterProperty().set(SeverityFilter.ALL);
        assertThat(feed.visibleAlerts()).hasSize(3);
    }

    @Test
    void selectingAnAlertShowsItsEvidenceAndDetails() {
        FraudAlert a = alert("a1", Severity.HIGH);
        feed.addAll(List.of(a));
        feed.selectedProperty().set(a);
        assertThat(feed.detailsProperty().get())
                .contains(
                        "HIGH_VELOCITY · HIGH",
                        "User: user-a1",
                        "count: 42",
                        "threshold: 30",
                        "Evidence (2 events)",
                        "e1",
                        "e2");
        feed.clear();
        assertThat(feed.detailsProperty().get()).startsWith("Select an alert");
        assertThat(feed.allAlerts()).isEmpty();
    }

    @Test
    void alertsSkippedInABurstAreCounted() {
        feed.addAll(List.of(alert("a1", Severity.LOW)));
        feed.countDropped(7);
        assertThat(feed.summaryProperty().get()).endsWith("· 7 skipped in bursts");
    }

    @Test
    void severityStyleClassesNameTheSeverity() {
        assertThat(AlertFeedModel.styleClass(Severity.CRITICAL)).isEqualTo("severity-critical");
    }
}
