package com.activitytracker.app.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.activitytracker.engine.observability.ConsumerGroupLag;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ConsumerGroupLagsTest {
    private final ConsumerGroupLags lags = new ConsumerGroupLags();

    @Test
    void theTotalCountsTheGroupsWithMembersOnly() {
        lags.update(List.of(
                new ConsumerGroupLag("fraud", "Stable", 1, "acts", 0, 90, 100),
                new ConsumerGroupLag("analytics", "Stable", 2, "acts", 0, 1_000, 3_500),
                new ConsumerGroupLag("fraud", "Stable", 1, "acts", 1, 50, 55),
                new ConsumerGroupLag("old", "Empty", 0, "acts", 0, 1, 100)));
        assertThat(lags.rows()).hasSize(4);
        assertThat(lags.totalProperty().get()).isEqualTo("fraud lag 15 · analytics lag 2,500");
    }

    @Test
    void aReadingLikeTheOneShownChangesNoRow() {
        List<ConsumerGroupLag> reading = List.of(new ConsumerGroupLag("fraud", "Stable", 1, "acts", 0, 90, 100));
        lags.update(reading);
        List<String> changes = new ArrayList<>();
        lags.rows().addListener((ListChangeListener<ConsumerGroupLag>) c -> changes.add(c.toString()));

        lags.update(List.copyOf(reading));
        assertThat(changes).isEmpty();
        lags.update(List.of(new ConsumerGroupLag("fraud", "Stable", 1, "acts", 0, 95, 100)));
        assertThat(changes).hasSize(1);
        assertThat(lags.totalProperty().get()).isEqualTo("fraud lag 5");
    }

    @Test
    void noGroupWithMembersSaysSoEvenForAnEmptyFirstReading() {
        lags.update(List.of());
        assertThat(lags.totalProperty().get()).isEqualTo("No consumer group is reading");
    }
}
