package com.activitytracker.app.model;

import com.activitytracker.engine.observability.InspectedRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The rows of the Kafka view's three record tables: the newest records of the activities, alerts and
 * dead-letter topics, newest first, at most {@link #MAX_ROWS} each, and how many records of each topic
 * the reader has read. It is its own class because keeping a table that changes several times a second
 * cheap (a batch lands in one change, the oldest rows leave in it) is a concern of its own, apart from
 * opening readers and reporting on them. Used on the FX thread only.
 */
final class NewestRecords {
    /** Rows kept per topic. */
    static final int MAX_ROWS = 300;

    private final ObservableList<InspectedRecord> activities = FXCollections.observableArrayList();
    private final ObservableList<InspectedRecord> alerts = FXCollections.observableArrayList();
    private final ObservableList<InspectedRecord> deadLetters = FXCollections.observableArrayList();

    private final ReadOnlyStringWrapper activitiesTopic = new ReadOnlyStringWrapper("activities");
    private final ReadOnlyStringWrapper alertsTopic = new ReadOnlyStringWrapper("alerts");
    private final ReadOnlyStringWrapper deadLettersTopic = new ReadOnlyStringWrapper("dead letters");
    private final long[] read = new long[3];

    ObservableList<InspectedRecord> activities() {
        return activities;
    }

    ObservableList<InspectedRecord> alerts() {
        return alerts;
    }

    ObservableList<InspectedRecord> deadLetters() {
        return deadLetters;
    }

    ReadOnlyStringProperty activitiesTopicProperty() {
        return activitiesTopic.getReadOnlyProperty();
    }

    ReadOnlyStringProperty alertsTopicProperty() {
        return alertsTopic.getReadOnlyProperty();
    }

    ReadOnlyStringProperty deadLettersTopicProperty() {
        return deadLettersTopic.getReadOnlyProperty();
    }

    /** The topics the reader open now reads. */
    void readFrom(KafkaTap tap) {
        activitiesTopic.set(tap.activitiesTopic());
        alertsTopic.set(tap.alertsTopic());
        deadLettersTopic.set(tap.deadLettersTopic());
    }

    /** Adds to each topic's count of records read. */
    void count(Map<String, Long> readPerTopic) {
        for (Map.Entry<String, Long> e : readPerTopic.entrySet()) {
            int i = index(e.getKey());
            if (i >= 0) {
                read[i] += e.getValue();
            }
        }
    }

    /** Puts a batch's records (oldest first per topic) at the top of their tables, those of {@code filter}'s user only. */
    void add(Map<String, List<InspectedRecord>> records, String filter) {
        records.forEach((topic, oldestFirst) -> {
            int i = index(topic);
            if (i < 0) {
                return;
            }
            List<InspectedRecord> newestFirst = new ArrayList<>(oldestFirst.size());
            for (int k = oldestFirst.size() - 1; k >= 0; k--) {
                if (matches(oldestFirst.get(k), filter)) {
                    newestFirst.add(oldestFirst.get(k));
                }
            }
            prepend(i == 0 ? activities : i == 1 ? alerts : deadLetters, newestFirst);
        });
    }

    /** Empties the tables (the counts stay). */
    void clear() {
        activities.clear();
        alerts.clear();
        deadLetters.clear();
    }

    /** Keeps only the rows of {@code filter}'s user; blank keeps all. */
    void keepOnly(String filter) {
        activities.removeIf(r -> !matches(r, filter));
        alerts.removeIf(r -> !matches(r, filter));
        deadLetters.removeIf(r -> !matches(r, filter));
    }

    /** E.g. "read 1,234 activities, 5 alerts, 2 dead letters". */
    String readSummary() {
        return "read " + Formats.count(read[0]) + " activities, " + Formats.count(read[1]) + " alerts, "
                + Formats.count(read[2]) + " dead letters";
    }

    /**
     * Adds the newest at the top and keeps {@link #MAX_ROWS}, in one change: the view's rows follow a batch
     * in one step rather than shrinking and growing again.
     */
    static void prepend(ObservableList<InspectedRecord> list, List<InspectedRecord> newestFirst) {
        if (newestFirst.isEmpty()) {
            return;
        }
        List<InspectedRecord> top = newestFirst.size() > MAX_ROWS ? newestFirst.subList(0, MAX_ROWS) : newestFirst;
        int keep = Math.min(list.size(), MAX_ROWS - top.size());
        if (keep < list.size()) {
            List<InspectedRecord> rows = new ArrayList<>(top.size() + keep);
            rows.addAll(top);
            rows.addAll(list.subList(0, keep));
            list.setAll(rows);
        } else {
            list.addAll(0, top);
        }
    }

    private int index(String topic) {
        if (topic.equals(activitiesTopic.get())) {
            return 0;
        }
        if (topic.equals(alertsTopic.get())) {
            return 1;
        }
        return topic.equals(deadLettersTopic.get()) ? 2 : -1;
    }

    private static boolean matches(InspectedRecord r, String filter) {
        return filter.isEmpty() || r.key().contains(filter);
    }
}
