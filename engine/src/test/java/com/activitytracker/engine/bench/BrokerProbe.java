package com.activitytracker.engine.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What the benchmark asks the broker: topics, whether the consumer groups own their partitions, how
 * far they have committed, and when the first record of a topic was written. The same questions
 * for Kafka's tools and for our roles, so both pipelines are timed the same way.
 */
final class BrokerProbe implements AutoCloseable {
    static final int PARTITIONS = 6;

    private final String bootstrapServers;
    private final Admin admin;

    BrokerProbe(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /**
     * Six partitions, as the project's topics have by default, and waits until each has a leader: a
     * producer that starts before then gets NOT_LEADER_OR_FOLLOWER, and on a busy machine its
     * idempotent retries can keep a partition stalled for most of a short run.
     */
    void createTopic(String topic) throws ExecutionException, InterruptedException {
        admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1)))
                .all()
                .get();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!allPartitionsLed(topic)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the partitions of " + topic + " got no leader in 60 s");
            }
            new java.util.concurrent.CountDownLatch(1).await(100, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    private boolean allPartitionsLed(String topic) throws InterruptedException {
        try {
            TopicDescription d =
                    admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            return d.partitions().size() == PARTITIONS
                    && d.partitions().stream()
                            .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
        } catch (ExecutionException e) {
            return false; // not in the metadata yet
        }
    }

    /** True once every group has members that own all the topic's partitions. */
    boolean groupsOwnAllPartitions(List<String> groups, String topic) throws ExecutionException, InterruptedException {
        for (String group : groups) {
            ConsumerGroupDescription d;
            try {
                d = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof GroupIdNotFoundException) {
                    return false; // its first member has not reached the broker yet
                }
                throw e;
            }
            long owned = d == null
                    ? 0
                    : d.members().stream()
                            .flatMap(m -> m.assignment().topicPartitions().stream())
                            .filter(tp -> tp.topic().equals(topic))
                            .count();
            if (owned < PARTITIONS) {
                return false;
            }
        }
        return true;
    }

    /** Sum of the group's committed offsets on the topic: the records it has finished with. */
    long committed(String group, String topic) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> offsets;
        try {
            offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return 0;
            }
            throw e;
        }
        return offsets.entrySet().stream()
                .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset())
                .sum();
    }

    /** The earliest record timestamp on the topic: when the producer under test sent its first record. */
    Instant firstRecordTime(String topic) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "50");
        Set<TopicPartition> partitions = IntStream.range(0, PARTITIONS)
                .mapToObj(p -> new TopicPartition(topic, p))
                .collect(Collectors.toSet());
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<Integer, Long> first = new HashMap<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (first.size() < PARTITIONS && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    first.putIfAbsent(r.partition(), r.timestamp());
                }
                // a partition whose first record is known needs no more fetching
                consumer.pause(first.keySet().stream()
                        .map(p -> new TopicPartition(topic, p))
                        .toList());
            }
            return Instant.ofEpochMilli(first.values().stream()
                    .mapToLong(Long::longValue)
                    .min()
                    .orElseThrow(() -> new IllegalStateException("no record on " + topic)));
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
