package com.activitytracker.engine.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What a worker does when the group moves partitions: commit before giving up, nothing when lost, rewind when given. */
@Tag("unit")
class PartitionHandOverTest {
    private static final TopicPartition P0 = new TopicPartition("activities", 0);

    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
    private final PartitionProgress progress = new PartitionProgress();
    private final AssignmentProcessor processor = new AssignmentProcessor();
    private final OffsetCommitter commits =
            new OffsetCommitter("test", consumer, processor, progress, Duration.ofSeconds(1));
    private final AtomicInteger joinedWith = new AtomicInteger(-1);

    @Test
    void revokedPartitionsAreCommittedBeforeTheyMoveAndThenForgotten() {
        PartitionHandOver handOver = handOver(false);
        assign(handOver, 0L);
        progress.processed(P0, 7, 7);

        handOver.onPartitionsRevoked(List.of(P0));

        assertThat(committed()).isEqualTo(7);
        assertThat(processor.flushes).isEqualTo(1);
        assertThat(progress.hasPending()).isFalse();
        assertThat(progress.unread(consumer)).isZero();
    }

    @Test
    void aRevocationOfNothingCommitsNothing() {
        PartitionHandOver handOver = handOver(false);
        assign(handOver, 0L);
        progress.processed(P0, 7, 7);

        handOver.onPartitionsRevoked(List.of());

        assertThat(committed()).isEqualTo(-1);
        assertThat(progress.hasPending()).isTrue();
    }

    @Test
    void lostPartitionsAreNeitherCommittedNorKeptPending() {
        PartitionHandOver handOver = handOver(false);
        assign(handOver, 0L);
        progress.processed(P0, 7, 7);

        handOver.onPartitionsLost(List.of(P0));

        assertThat(committed()).isEqualTo(-1);
        assertThat(processor.flushes).isZero();
        assertThat(progress.hasPending()).isFalse();
    }

    @Test
    void anAssignmentShowsTheProcessorTheGroupsCommitsAndSetsWhatToReadAtLeast() {
        PartitionHandOver handOver = handOver(false);

        assign(handOver, 10L, new OffsetAndMetadata(2, "windows"));

        assertThat(processor.assigned).containsExactly(P0);
        assertThat(processor.seenOffset).contains(2L);
        assertThat(processor.seenMetadata).contains("windows");
        assertThat(consumer.position(P0)).isEqualTo(2);
        assertThat(progress.unread(consumer)).isEqualTo(8);
        assertThat(joinedWith.get()).isEqualTo(1);
    }

    @Test
    void aFreshStartSkipsToTheEndOnlyTheFirstTimeAPartitionIsAssigned() {
        PartitionHandOver handOver = handOver(true);

        assign(handOver, 40L, new OffsetAndMetadata(2, "windows")); // a rehearsal's progress
        assertThat(processor.seenOffset).as("the rehearsal's commit is ignored").isEmpty();
        assertThat(consumer.position(P0)).isEqualTo(40);
        assertThat(progress.caughtUp(consumer)).isTrue();

        handOver.onPartitionsRevoked(List.of(P0));
        assign(handOver, 40L, new OffsetAndMetadata(2, "windows"));
        assertThat(processor.seenOffset)
                .as("later rebalances resume from the commits")
                .contains(2L);
    }

    @Test
    void joiningWithNoPartitionsStillCounts() {
        PartitionHandOver handOver = handOver(false);

        handOver.onPartitionsAssigned(List.of());

        assertThat(joinedWith.get()).isZero();
        assertThat(processor.assigned).isEmpty();
    }

    private PartitionHandOver handOver(boolean startAtEnd) {
        return new PartitionHandOver("test", consumer, processor, progress, commits, startAtEnd, joinedWith::set);
    }

    private void assign(PartitionHandOver handOver, long end) {
        assign(handOver, end, null);
    }

    /** What the group would do: assign P0, then call the listener on the consumer's thread. */
    private void assign(PartitionHandOver handOver, long end, OffsetAndMetadata groupCommitted) {
        consumer.assign(List.of(P0));
        if (groupCommitted != null) {
            // after assign(), which makes the mock forget its commits
            consumer.commitSync(Map.of(P0, groupCommitted));
        }
        consumer.updateBeginningOffsets(Map.of(P0, 0L));
        consumer.updateEndOffsets(Map.of(P0, end));
        handOver.onPartitionsAssigned(List.of(P0));
    }

    private long committed() {
        OffsetAndMetadata om = consumer.committed(Set.of(P0)).get(P0);
        return om == null ? -1 : om.offset();
    }

    /** Notes what it was shown at assignment and how often it was asked to make its effects durable. */
    private static final class AssignmentProcessor implements RecordProcessor {
        final List<TopicPartition> assigned = new ArrayList<>();
        Optional<Long> seenOffset = Optional.empty();
        Optional<String> seenMetadata = Optional.empty();
        int flushes;

        @Override
        public void process(ConsumerRecord<byte[], byte[]> record) {}

        @Override
        public void beforeCommit() {
            flushes++;
        }

        @Override
        public void onAssigned(PartitionRewinder rewinder, Collection<TopicPartition> partitions) {
            assigned.clear();
            assigned.addAll(partitions);
            seenOffset = rewinder.committedOffset(P0);
            seenMetadata = rewinder.committedMetadata(P0);
        }
    }
}
