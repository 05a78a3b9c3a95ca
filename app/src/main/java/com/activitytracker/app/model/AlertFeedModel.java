package com.activitytracker.app.model;

import com.activitytracker.engine.fraud.FraudAlert;
import com.activitytracker.engine.fraud.Severity;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The fraud alert feed: newest first, at most {@link #MAX_ALERTS}, filtered by severity; the selected
 * alert's evidence and details as text. A redelivered alert (same id) is shown once.
 */
public final class AlertFeedModel {
    public static final int MAX_ALERTS = 300;

    private final ZoneId zone;
    private final ObservableList<FraudAlert> alerts = FXCollections.observableArrayList();
    /** Kept in a field: an unmodifiable view only listens weakly to its source. */
    private final ObservableList<FraudAlert> alertsView = FXCollections.unmodifiableObservableList(alerts);

    private final FilteredList<FraudAlert> visible = new FilteredList<>(alertsView);
    private final Set<String> shownIds = new HashSet<>();
    private final ObjectProperty<SeverityFilter> filter = new SimpleObjectProperty<>(SeverityFilter.ALL);
    private final ObjectProperty<FraudAlert> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper(noSelection());
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("No alerts yet");
    private long received;
    private long dropped;

    public AlertFeedModel(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone);
        filter.addListener((obs, old, f) -> {
            SeverityFilter current = f == null ? SeverityFilter.ALL : f;
            visible.setPredicate(a -> current.matches(a.severity()));
            updateSummary();
        });
        selected.addListener((obs, old, alert) -> details.set(alert == null ? noSelection() : describe(alert)));
    }

    // ---- Properties ----------------------------------------------------------------------------

    /** The alerts the filter lets through, newest first. */
    public ObservableList<FraudAlert> visibleAlerts() {
        return visible;
    }

    /** Every kept alert, newest first, whatever the filter. */
    public ObservableList<FraudAlert> allAlerts() {
        return alertsView;
    }

    public ObjectProperty<SeverityFilter> filterProperty() {
        return filter;
    }

    /** The alert whose details are shown; the view binds its table selection here. */
    public ObjectProperty<FraudAlert> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ZoneId zone() {
        return zone;
    }

    // ---- Commands ------------------------------------------------------------------------------

    /** Adds a batch of alerts in the order they were raised (oldest first). */
    public void addAll(List<FraudAlert> batch) {
        List<FraudAlert> newestFirst = new ArrayList<>(batch.size());
        for (FraudAlert alert : batch) {
            if (shownIds.add(alert.alertId())) {
                newestFirst.add(0, alert);
                received++;
            }
        }
        if (newestFirst.isEmpty()) {
            return;
        }
        if (newestFirst.size() > MAX_ALERTS) {
            newestFirst.subList(MAX_ALERTS, newestFirst.size()).forEach(a -> shownIds.remove(a.alertId()));
            newestFirst = new ArrayList<>(newestFirst.subList(0, MAX_ALERTS));
        }
        alerts.addAll(0, newestFirst);
        if (alerts.size() > MAX_ALERTS) {
            List<FraudAlert> dropped = alerts.subList(MAX_ALERTS, alerts.size());
            if (dropped.contains(selected.get())) {
                selected.set(null);
            }
            dropped.forEach(a -> shownIds.remove(a.alertId()));
            dropped.clear();
        }
        updateSummary();
    }

    /** Alerts that arrived faster than the feed's queue could hold between two ticks. */
    public void countDropped(long n) {
        if (n > 0) {
            dropped += n;
            updateSummary();
        }
    }

    public void clear() {
        selected.set(null);
        alerts.clear();
        shownIds.clear();
        received = 0;
        dropped = 0;
        updateSummary();
    }

    private void updateSummary() {
        if (received == 0) {
            summary.set("No alerts yet");
            return;
        }
        summary.set("Showing " + Formats.count(visible.size()) + " of the newest " + Formats.count(alerts.size())
                + " · " + Formats.count(received) + " received"
                + (dropped == 0 ? "" : " · " + Formats.count(dropped) + " skipped in bursts"));
    }

    private String describe(FraudAlert a) {
        StringBuilder text = new StringBuilder();
        text.append(a.rule())
                .append(" · ")
                .append(a.severity())
                .append('\n')
                .append(a.description())
                .append("\n\n")
                .append("User: ")
                .append(a.userId())
                .append('\n')
                .append("Detected at: ")
                .append(Formats.time(a.detectedAt(), zone))
                .append('\n')
                .append("Event time: ")
                .append(Formats.time(a.eventTime(), zone))
                .append('\n')
                .append("Alert id: ")
                .append(a.alertId())
                .append("\n\n")
                .append("Details:\n");
        for (Map.Entry<String, Object> d : a.details().entrySet()) {
            text.append("  ")
                    .append(d.getKey())
                    .append(": ")
                    .append(d.getValue())
                    .append('\n');
        }
        text.append("\nEvidence (").append(a.evidenceEventIds().size()).append(" events):\n");
        a.evidenceEventIds().forEach(id -> text.append("  ").append(id).append('\n'));
        return text.toString().stripTrailing();
    }

    /** Style class for a severity: {@code severity-high}. */
    public static String styleClass(Severity severity) {
        return "severity-" + severity.name().toLowerCase(Locale.ROOT);
    }

    private static String noSelection() {
        return "Select an alert to see its evidence and details.";
    }
}
