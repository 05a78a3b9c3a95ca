package com.activitytracker.app.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.activitytracker.engine.observability.InspectedRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class NewestRecordsTest {
    private final NewestRecords records = new NewestRecords();

    private static InspectedRecord record(String topic, long offset, String key) {
        return new InspectedRecord(
                topic, 0, offset, 1_700_000_000_123L, key, List.of(), "{}", "page_view", null, null, Optional.empty());
    }

    /** Records at offsets {@code from} (inclusive) to {@code to}, newest first. */
    private static List<InspectedRecord> newestFirst(int from, int to) {
        return IntStream.range(from, to)
                .map(i -> to - 1 - (i - from))
                .mapToObj(i -> record("acts", i, "k"))
                .toList();
    }

    @Test
    void eachTopicsRecordsGoToTheTopOfItsTableNewestFirst() {
        records.readFrom(new FakeTap());
        records.add(
                Map.of(
                        "acts", List.of(record("acts", 1, "a"), record("acts", 2, "b")),
                        "acts.dlq", List.of(record("acts.dlq", 5, "a")),
                        "elsewhere", List.of(record("elsewhere", 9, "a"))),
                "");
        records.add(Map.of("acts", List.of(record("acts", 3, "c"))), "");

        assertThat(records.activities()).extracting(InspectedRecord::offset).containsExactly(3L, 2L, 1L);
        assertThat(records.deadLetters()).extracting(InspectedRecord::offset).containsExactly(5L);
        assertThat(records.alerts()).isEmpty();
        assertThat(records.activitiesTopicProperty().get()).isEqualTo("acts");
    }

    @Test
    void onlyTheFiltersUserIsAddedOrKept() {
        records.add(
                Map.of("activities", List.of(record("activities", 1, "user-1"), record("activities", 2, "user-22"))),
                "");
        records.add(Map.of("activities", List.of(record("activities", 3, "user-3"))), "user-2");
        assertThat(records.activities()).extracting(InspectedRecord::offset).containsExactly(2L, 1L);

        records.keepOnly("user-2");
        assertThat(records.activities()).extracting(InspectedRecord::key).containsExactly("user-22");
        records.clear();
        assertThat(records.activities()).isEmpty();
    }

    @Test
    void theReadCountsAddUpPerTopic() {
        records.readFrom(new FakeTap());
        records.count(Map.of("acts", 1_000L, "alerts", 2L));
        records.count(Map.of("acts", 234L, "acts.dlq", 1L, "elsewhere", 7L));
        assertThat(records.readSummary()).isEqualTo("read 1,234 activities, 2 alerts, 1 dead letters");
    }

    @Test
    void aBatchLandsInOneChangeAndTheOldestLeaveInIt() {
        ObservableList<InspectedRecord> list = FXCollections.observableArrayList();
        NewestRecords.prepend(list, newestFirst(0, 200));
        int[] changes = {0};
        list.addListener((ListChangeListener<InspectedRecord>) c -> changes[0]++);
        NewestRecords.prepend(list, newestFirst(200, NewestRecords.MAX_ROWS + 50));

        assertThat(changes[0]).isEqualTo(1);
        assertThat(list).hasSize(NewestRecords.MAX_ROWS);
        assertThat(list.get(0).offset()).isEqualTo(NewestRecords.MAX_ROWS + 49L);
        assertThat(list.get(NewestRecords.MAX_ROWS - 1).offset()).isEqualTo(50L);

        NewestRecords.prepend(list, List.of());
        assertThat(changes[0]).as("nothing new, no change").isEqualTo(1);
        NewestRecords.prepend(list, newestFirst(0, NewestRecords.MAX_ROWS + 50));
        assertThat(list).as("more than a table holds: the newest only").hasSize(NewestRecords.MAX_ROWS);
        assertThat(list.get(0).offset()).isEqualTo(NewestRecords.MAX_ROWS + 49L);
    }
}
