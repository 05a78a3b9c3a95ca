package com.activitytracker.app.model;

import com.activitytracker.engine.observability.ConsumerGroupLag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Kafka view's consumer groups: the lag of every partition of every group on the tracker's topics, and
 * one line with the total of each group that has members. The reader reads them again every few seconds;
 * they are their own class because the rows are rewritten only when a reading differs, so an idle engine's
 * table changes nothing on the FX thread. Used on the FX thread only.
 */
final class ConsumerGroupLags {
    private final ObservableList<ConsumerGroupLag> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper total = new ReadOnlyStringWrapper("");

    ObservableList<ConsumerGroupLag> rows() {
        return rows;
    }

    ReadOnlyStringProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** A new reading: the rows and the total change only if it differs from the one shown. */
    void update(List<ConsumerGroupLag> reading) {
        if (!rows.equals(reading) || total.get().isEmpty()) { // an idle engine's lags read again change no row
            rows.setAll(reading);
            total.set(summarise(reading));
        }
    }

    private static String summarise(List<ConsumerGroupLag> reading) {
        Map<String, Long> byGroup = new LinkedHashMap<>();
        for (ConsumerGroupLag r : reading) {
            if (r.members() > 0) {
                byGroup.merge(r.group(), r.lag(), Long::sum);
            }
        }
        if (byGroup.isEmpty()) {
            return "No consumer group is reading";
        }
        List<String> parts = new ArrayList<>();
        byGroup.forEach((g, lag) -> parts.add(g + " lag " + Formats.count(lag)));
        return String.join(" · ", parts);
    }
}
