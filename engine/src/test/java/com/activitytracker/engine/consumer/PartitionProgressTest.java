package com.activitytracker.engine.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What a worker would commit, and whether it read what it was given, from its per-partition progress. */
@Tag("unit")
class PartitionProgressTest {
    private static final TopicPartition P0 = new TopicPartition("activities", 0);
    private static final TopicPartition P1 = new TopicPartition("activities", 1);

    private final PartitionProgress progress = new PartitionProgress();

    @Test
    void commitsTheNextOffsetOfEachPartitionWithItsMetadataAndThenNothingIsPending() {
        progress.processed(P0, 10, 10);
        progress.processed(P0, 15, 5);
        progress.processed(P1, 3, 3);
        assertThat(progress.hasPending()).isTrue();
        assertThat(progress.uncommittedRecords()).isEqualTo(18);

        assertThat(progress.takeOffsetsToCommit(tp -> "m" + tp.partition()))
                .isEqualTo(Map.of(P0, new OffsetAndMetadata(15, "m0"), P1, new OffsetAndMetadata(3, "m1")));
        assertThat(progress.hasPending()).isFalse();
        assertThat(progress.uncommittedRecords()).isZero();
        assertThat(progress.takeOffsetsToCommit(tp -> "")).isEmpty();
    }

    @Test
    void reReadingRecordsBeforeTheCommittedOffsetNeverMovesItBack() {
        progress.assigned(Map.of(P0, new OffsetAndMetadata(100)));
        progress.processed(P0, 60, 60); // a processor rewound to rebuild its windows

        assertThat(progress.takeOffsetsToCommit(tp -> "")).isEmpty();

        progress.processed(P0, 101, 41);
        assertThat(progress.takeOffsetsToCommit(tp -> "")).isEqualTo(Map.of(P0, new OffsetAndMetadata(101, "")));
    }

    @Test
    void aForgottenPartitionIsNeitherCommittedNorCountedAsUnread() {
        MockConsumer<byte[], byte[]> consumer = assigned(Map.of(P0, 0L, P1, 0L));
        progress.readAtLeastTo(Map.of(P0, 5L, P1, 7L));
        progress.processed(P0, 2, 2);
        progress.processed(P1, 2, 2);

        progress.forget(List.of(P1));

        assertThat(progress.takeOffsetsToCommit(tp -> "")).containsOnlyKeys(P0);
        assertThat(progress.unread(consumer)).isEqualTo(5);
    }

    @Test
    void caughtUpOnlyAtOrPastTheEndFoundAtAssignmentOnEveryOwnedPartition() {
        MockConsumer<byte[], byte[]> consumer = assigned(Map.of(P0, 0L, P1, 0L));
        progress.readAtLeastTo(Map.of(P0, 5L));
        assertThat(progress.caughtUp(consumer)).as("no target for P1 yet").isFalse();

        progress.readAtLeastTo(Map.of(P1, 0L));
        assertThat(progress.caughtUp(consumer)).isFalse();

        consumer.seek(P0, 5);
        assertThat(progress.caughtUp(consumer)).isTrue();
        assertThat(progress.caughtUp(new MockConsumer<>("earliest")))
                .as("nothing owned: nothing to read")
                .isTrue();
    }

    @Test
    void unreadCountsWhatIsLeftBelowTheTargetsAndOneWhereThePositionIsUnknown() {
        MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest") {
            @Override
            public synchronized long position(TopicPartition partition, Duration timeout) {
                if (partition.equals(P1)) {
                    throw new TimeoutException("position of " + partition);
                }
                return super.position(partition, timeout);
            }
        };
        consumer.assign(List.of(P0, P1));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        consumer.seek(P0, 20);
        progress.readAtLeastTo(Map.of(P0, 50L, P1, 9L));

        assertThat(progress.unread(consumer)).isEqualTo(30 + 1);

        consumer.seek(P0, 60);
        assertThat(progress.unread(consumer))
                .as("past the target is not negative")
                .isEqualTo(1);
    }

    private static MockConsumer<byte[], byte[]> assigned(Map<TopicPartition, Long> beginning) {
        MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
        consumer.assign(beginning.keySet());
        consumer.updateBeginningOffsets(beginning);
        return consumer;
    }
}
