package com.activitytracker.engine.observability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads every partition of one topic with its own consumer: no group, no commits, so it never
 * disturbs the live consumers or moves their offsets. Owns the consumer and closes it.
 */
public final class TopicReader implements AutoCloseable {
    private final Consumer<byte[], byte[]> consumer;
    private final Set<TopicPartition> partitions;

    /** @throws IllegalArgumentException when the topic does not exist */
    public TopicReader(Consumer<byte[], byte[]> consumer, String topic, boolean fromBeginning) {
        this.consumer = consumer;
        List<PartitionInfo> infos;
        try {
            infos = consumer.partitionsFor(topic, Duration.ofSeconds(15));
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
        if (infos == null || infos.isEmpty()) {
            consumer.close();
            throw new IllegalArgumentException("no topic named '" + topic + "' on this cluster");
        }
        partitions = infos.stream()
                .map(i -> new TopicPartition(topic, i.partition()))
                .collect(Collectors.toSet());
        consumer.assign(partitions);
        if (fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
        }
        partitions.forEach(consumer::position); // resolve the start now, so records sent after this are seen
    }

    /** The next records, in partition order within each poll; empty when none came within the timeout. */
    public List<ConsumerRecord<byte[], byte[]>> poll(Duration timeout) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        consumer.poll(timeout).forEach(out::add);
        return out;
    }

    /** The offset after the newest record of each partition, as of now. */
    public Map<TopicPartition, Long> endOffsets() {
        return consumer.endOffsets(partitions);
    }

    /** True once this reader has read up to the given end offsets on every partition. */
    public boolean reached(Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    @Override
    public void close() {
        consumer.close();
    }
}
