package com.activitytracker.engine.consumer;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker's rebalance listener: commits progress before partitions move to another consumer, and
 * lets the processor rewind new ones. Kafka calls it inside the worker's own polls and commits, so
 * it runs on the consumer's thread like the rest of the worker.
 */
final class PartitionHandOver implements ConsumerRebalanceListener, PartitionRewinder {
    private static final Logger log = LoggerFactory.getLogger(PartitionHandOver.class);

    private final String name;
    private final Consumer<byte[], byte[]> consumer;
    private final RecordProcessor processor;
    private final PartitionProgress progress;
    private final OffsetCommitter commits;
    private final boolean startAtEnd;
    private final IntConsumer onJoined;
    /** Partitions this worker has owned at some point; a fresh start skips to the end only on the first. */
    private final Set<TopicPartition> seen = new HashSet<>();

    private Map<TopicPartition, OffsetAndMetadata> committed = Map.of();

    /**
     * @param startAtEnd read a partition from its end the first time it is assigned
     * @param onJoined   told the number of partitions owned after each assignment (possibly none)
     */
    PartitionHandOver(
            String name,
            Consumer<byte[], byte[]> consumer,
            RecordProcessor processor,
            PartitionProgress progress,
            OffsetCommitter commits,
            boolean startAtEnd,
            IntConsumer onJoined) {
        this.name = name;
        this.consumer = consumer;
        this.processor = processor;
        this.progress = progress;
        this.commits = commits;
        this.startAtEnd = startAtEnd;
        this.onJoined = onJoined;
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
        if (!revoked.isEmpty()) {
            commits.commitSync(); // we still own them: the next owner starts where our effects end
        }
        progress.forget(revoked);
    }

    /**
     * The partitions already belong to someone else (our session expired): committing now could move
     * the new owner's offsets, so the work not yet committed is dropped and will be redone there.
     */
    @Override
    public void onPartitionsLost(Collection<TopicPartition> lost) {
        log.warn(
                "{} consumer lost {} without a clean hand-over; their uncommitted records will be read again",
                name,
                lost);
        progress.forget(lost);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
        if (!assigned.isEmpty()) {
            Set<TopicPartition> fresh = new HashSet<>();
            for (TopicPartition tp : assigned) {
                if (seen.add(tp) && startAtEnd) {
                    fresh.add(tp);
                }
            }
            committed = new HashMap<>(consumer.committed(Set.copyOf(assigned)));
            committed.keySet().removeAll(fresh);
            progress.assigned(committed);
            if (!fresh.isEmpty()) {
                consumer.seekToEnd(fresh);
            }
            processor.onAssigned(this, assigned);
            // resolve every position now, so "from the end" means the end at assignment, not at the first fetch
            assigned.forEach(consumer::position);
            progress.readAtLeastTo(consumer.endOffsets(assigned));
        }
        onJoined.accept(consumer.assignment().size());
    }

    @Override
    public Optional<String> committedMetadata(TopicPartition partition) {
        return Optional.ofNullable(committed.get(partition)).map(OffsetAndMetadata::metadata);
    }

    @Override
    public Optional<Long> committedOffset(TopicPartition partition) {
        return Optional.ofNullable(committed.get(partition)).map(OffsetAndMetadata::offset);
    }

    @Override
    public long rewindTo(TopicPartition partition, Instant time) {
        OffsetAndTimestamp found =
                consumer.offsetsForTimes(Map.of(partition, time.toEpochMilli())).get(partition);
        long offset = found != null ? found.offset() : consumer.position(partition);
        consumer.seek(partition, offset);
        return offset;
    }
}
