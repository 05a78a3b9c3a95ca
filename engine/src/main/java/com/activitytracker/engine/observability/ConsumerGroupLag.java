package com.activitytracker.engine.observability;

/**
 * One partition of a consumer group: its committed offset, the partition's end offset and the lag
 * between them, as read by the Kafka view's admin client.
 *
 * @param state     the group's state as the broker reports it (Stable, Empty, …)
 * @param committed the group's committed offset, -1 when it has none on this partition
 */
public record ConsumerGroupLag(
        String group, String state, int members, String topic, int partition, long committed, long end) {
    /** Records the group has still to read (0 when it has committed nothing yet). */
    public long lag() {
        return committed < 0 ? 0 : Math.max(0, end - committed);
    }
}
