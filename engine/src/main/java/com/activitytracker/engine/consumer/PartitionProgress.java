package com.activitytracker.engine.consumer;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * A worker's progress on each partition it owns: what it processed and has yet to commit, where the
 * group's commits stood when it got the partition, and how far it was asked to read. Consumer thread
 * only, like the client it describes.
 */
final class PartitionProgress {
    /** Offsets processed but not yet committed, per partition. */
    private final Map<TopicPartition, Long> pending = new HashMap<>();
    /**
     * Committed offsets as found when partitions were assigned: a processor may rewind before them to
     * rebuild state, and re-reading those records must never move the committed offset backwards.
     */
    private final Map<TopicPartition, Long> committedAtAssignment = new HashMap<>();
    /** The newest offset handed to a commit, per partition: an older commit that fails is superseded. */
    private final Map<TopicPartition, Long> lastTaken = new HashMap<>();
    /** End offsets found when each partition was assigned: what this worker was asked to read at least. */
    private final Map<TopicPartition, Long> targets = new HashMap<>();

    private int uncommittedRecords;

    /** Partitions just assigned, with the group's commits on them (null where none). */
    void assigned(Map<TopicPartition, OffsetAndMetadata> committed) {
        committed.forEach((tp, om) -> {
            if (om != null) {
                committedAtAssignment.put(tp, om.offset());
            }
        });
    }

    /** The end offsets found at assignment, once the consumer is positioned on the partitions. */
    void readAtLeastTo(Map<TopicPartition, Long> endOffsets) {
        targets.putAll(endOffsets);
    }

    /** Partitions revoked or lost: their progress is no longer this worker's to commit or report. */
    void forget(Collection<TopicPartition> gone) {
        gone.forEach(tp -> {
            pending.remove(tp);
            lastTaken.remove(tp);
            committedAtAssignment.remove(tp);
            targets.remove(tp);
        });
    }

    /** {@code records} more processed on the partition, the last of them just before {@code nextOffset}. */
    void processed(TopicPartition tp, long nextOffset, int records) {
        pending.put(tp, nextOffset);
        uncommittedRecords += records;
    }

    boolean hasPending() {
        return !pending.isEmpty();
    }

    int uncommittedRecords() {
        return uncommittedRecords;
    }

    /**
     * The offsets to commit for what was processed, and nothing pending afterwards. The caller makes
     * the effects durable first.
     */
    Map<TopicPartition, OffsetAndMetadata> takeOffsetsToCommit(Function<TopicPartition, String> metadata) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        pending.forEach((tp, offset) -> {
            if (offset > committedAtAssignment.getOrDefault(tp, -1L)) {
                offsets.put(tp, new OffsetAndMetadata(offset, metadata.apply(tp)));
                lastTaken.put(tp, offset);
            }
        });
        pending.clear();
        uncommittedRecords = 0;
        return offsets;
    }

    /**
     * Offsets a commit did not store (it failed, or a stop woke it): pending again on the partitions
     * still {@code owned}, unless a later commit took a newer offset there, so the next commit (at the
     * latest the one on stop) stores them even when nothing new is processed in between.
     */
    void notCommitted(Map<TopicPartition, OffsetAndMetadata> offsets, Set<TopicPartition> owned) {
        offsets.forEach((tp, om) -> {
            if (owned.contains(tp) && om.offset() >= lastTaken.getOrDefault(tp, -1L)) {
                pending.merge(tp, om.offset(), Math::max);
            }
        });
    }

    /** At or past the end offsets found at assignment on every partition it owns (none owned: nothing to read). */
    boolean caughtUp(Consumer<?, ?> consumer) {
        for (TopicPartition tp : consumer.assignment()) {
            Long target = targets.get(tp);
            if (target == null || consumer.position(tp) < target) {
                return false;
            }
        }
        return true;
    }

    /** Records below the end offsets found at assignment that the consumer has not read. */
    long unread(Consumer<?, ?> consumer) {
        long unread = 0;
        for (Map.Entry<TopicPartition, Long> e : targets.entrySet()) {
            try {
                unread += Math.max(0, e.getValue() - consumer.position(e.getKey(), Duration.ZERO));
            } catch (KafkaException | IllegalStateException ex) {
                unread += 1; // position unknown: the worker cannot prove it read that partition
            }
        }
        return unread;
    }
}
