package com.activitytracker.engine.observability;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the Kafka view's reader hands over at most a few times a second: the newest records of each
 * topic since the last batch (oldest first, at most {@link KafkaInspector#MAX_PER_BATCH} per topic),
 * how many it read in all, and the consumer groups' lag when it was read again.
 *
 * @param records  by topic name; a topic without new records is absent
 * @param read     records read per topic since the last batch, including those not handed over
 * @param lags     every partition of every consumer group on the tracker's topics, when read anew
 * @param problem  why reading stopped or failed, shown to the user; empty while all is well
 */
public record InspectorBatch(
        Map<String, List<InspectedRecord>> records,
        Map<String, Long> read,
        Optional<List<ConsumerGroupLag>> lags,
        Optional<String> problem) {

    public InspectorBatch {
        records = Map.copyOf(records);
        read = Map.copyOf(read);
    }
}
