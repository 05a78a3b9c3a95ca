package com.activitytracker.app.model;

import com.activitytracker.engine.ScoreboardEntry;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The detection scoreboard: each injected attack, whether it was caught, how fast. */
public final class ScoreboardModel {
    private final ZoneId zone;
    private final ObservableList<ScoreboardRow> rows = FXCollections.observableArrayList();
    /** Kept in a field: an unmodifiable view only listens weakly to its source. */
    private final ObservableList<ScoreboardRow> rowsView = FXCollections.unmodifiableObservableList(rows);

    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(emptySummary());

    public ScoreboardModel(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone);
    }

    // ---- Properties ----------------------------------------------------------------------------

    /** Newest first. */
    public ObservableList<ScoreboardRow> rows() {
        return rowsView;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    // ---- Commands ------------------------------------------------------------------------------

    public void apply(List<ScoreboardEntry> entries) {
        List<ScoreboardRow> next = new ArrayList<>(entries.size());
        List<Duration> catchTimes = new ArrayList<>();
        for (ScoreboardEntry e : entries) {
            next.add(row(e));
            if (e.caught()) {
                catchTimes.add(e.timeToCatch());
            }
        }
        if (!next.equals(rows)) {
            rows.setAll(next);
        }
        summary.set(
                entries.isEmpty()
                        ? emptySummary()
                        : "Caught " + catchTimes.size() + " of " + entries.size() + " injected"
                                + (catchTimes.isEmpty()
                                        ? ""
                                        : " · median time to catch " + Formats.duration(median(catchTimes))));
    }

    public void clear() {
        rows.clear();
        summary.set(emptySummary());
    }

    private ScoreboardRow row(ScoreboardEntry e) {
        var s = e.scenario();
        return new ScoreboardRow(
                s.id(),
                s.scenario().displayName(),
                s.userId(),
                Formats.time(s.injectedAt(), zone),
                s.expectedRule(),
                e.caught(),
                e.caught() ? "Caught" : "Waiting…",
                Formats.duration(e.timeToCatch()),
                Formats.duration(e.detectionLatency()));
    }

    static Duration median(List<Duration> values) {
        List<Duration> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    private static String emptySummary() {
        return "Inject a scenario to see the detector catch it";
    }
}
