package com.activitytracker.engine.observability;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads the lag of every consumer group with offsets on (or members reading) the tracker's topics,
 * partition by partition: the groups and their committed offsets from an admin client, the
 * partitions' end offsets from a consumer. Both clients are the caller's, used on the caller's
 * thread only; this never closes them.
 */
final class GroupLagReader {
    private static final long ADMIN_TIMEOUT_SECONDS = 5;

    private final Admin admin;
    private final Consumer<?, ?> ends;
    private final Set<String> topics;

    GroupLagReader(Admin admin, Consumer<?, ?> ends, Set<String> topics) {
        this.admin = admin;
        this.ends = ends;
        this.topics = Set.copyOf(topics);
    }

    /**
     * One row per group and partition, the groups with members first, then by group, topic and
     * partition; a partition a member reads but its group never committed has committed -1.
     */
    List<ConsumerGroupLag> read() throws ExecutionException, TimeoutException, InterruptedException {
        List<String> ids = admin
                .listGroups(ListGroupsOptions.forConsumerGroups())
                .all()
                .get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .stream()
                .map(GroupListing::groupId)
                .sorted()
                .toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, ConsumerGroupDescription> described =
                admin.describeConsumerGroups(ids).all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<String, Map<TopicPartition, Long>> committedByGroup = new LinkedHashMap<>();
        Set<TopicPartition> all = new HashSet<>();
        for (String id : ids) {
            Map<TopicPartition, Long> committed = committed(id, described.get(id));
            if (!committed.isEmpty()) {
                committedByGroup.put(id, committed);
                all.addAll(committed.keySet());
            }
        }
        Map<TopicPartition, Long> endOffsets = all.isEmpty() ? Map.of() : ends.endOffsets(all);
        List<ConsumerGroupLag> rows = new ArrayList<>();
        committedByGroup.forEach((id, committed) -> {
            ConsumerGroupDescription d = described.get(id);
            String state = d == null ? "?" : d.groupState().toString();
            int members = d == null ? 0 : d.members().size();
            committed.forEach((tp, offset) -> rows.add(new ConsumerGroupLag(
                    id, state, members, tp.topic(), tp.partition(), offset, endOffsets.getOrDefault(tp, 0L))));
        });
        rows.sort(Comparator.comparing((ConsumerGroupLag r) -> r.members() == 0)
                .thenComparing(ConsumerGroupLag::group)
                .thenComparing(ConsumerGroupLag::topic)
                .thenComparingInt(ConsumerGroupLag::partition));
        return rows;
    }

    /** The group's committed offset on each partition of the tracker's topics, -1 where only a member reads it. */
    private Map<TopicPartition, Long> committed(String id, ConsumerGroupDescription d)
            throws ExecutionException, TimeoutException, InterruptedException {
        Map<TopicPartition, Long> committed = new HashMap<>();
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(id)
                .partitionsToOffsetAndMetadata()
                .get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        offsets.forEach((tp, om) -> {
            if (om != null && topics.contains(tp.topic())) {
                committed.put(tp, om.offset());
            }
        });
        if (d != null) {
            for (MemberDescription m : d.members()) {
                for (TopicPartition tp : m.assignment().topicPartitions()) {
                    if (topics.contains(tp.topic())) {
                        committed.putIfAbsent(tp, -1L);
                    }
                }
            }
        }
        return committed;
    }
}
