package com.activitytracker.engine.consumer;

import java.util.Collection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/** What a consumer does with its records; runs on the consumer's thread only. */
public interface RecordProcessor {
    /** Handles one record; invalid ones go to the DLQ, so this throws only when something is truly broken. */
    void process(ConsumerRecord<byte[], byte[]> record);

    /** Makes the effects of every processed record durable (e.g. flushes producers) before offsets are committed. */
    default void beforeCommit() {}

    /** Runs on the consumer thread every few hundred milliseconds, records or not (publishing snapshots). */
    default void onTick() {}

    /** Partitions just assigned, with the consumer positioned at the committed offsets. */
    default void onAssigned(PartitionRewinder rewinder, Collection<TopicPartition> partitions) {}

    /** Text stored with each partition's committed offset, read back by {@link #onAssigned}. */
    default String commitMetadata(TopicPartition partition) {
        return "";
    }

    /** Called once on the consumer thread when it stops. */
    default void onStop() {}
}
