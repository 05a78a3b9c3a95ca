package com.activitytracker.engine.consumer;

import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;

/** Lets a processor re-read recent history of a partition it was just given, e.g. to rebuild windows. */
public interface PartitionRewinder {
    /** The metadata committed with the partition's offset, if any. */
    Optional<String> committedMetadata(TopicPartition partition);

    /** The committed offset, if any. */
    Optional<Long> committedOffset(TopicPartition partition);

    /**
     * Moves the partition back to the first record with a timestamp at or after {@code time}.
     *
     * @return the offset now reading from
     */
    long rewindTo(TopicPartition partition, Instant time);
}
