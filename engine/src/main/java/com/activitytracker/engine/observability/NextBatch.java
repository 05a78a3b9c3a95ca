package com.activitytracker.engine.observability;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What the Kafka view's next {@link InspectorBatch} will hold, gathered on the reader's thread: the
 * newest records of each topic that pass the user filter (at most {@link KafkaInspector#MAX_PER_BATCH}
 * of a live topic, {@link KafkaInspector#MAX_DEAD_LETTERS_PER_BATCH} of the dead letters), how many
 * were read in all, and the groups' lag or why it could not be read.
 */
final class NextBatch {
    private final InspectedRecords inspected;
    private final String deadLetters;
    private final Map<String, ArrayDeque<ConsumerRecord<byte[], byte[]>>> newest = new HashMap<>();
    private final Map<String, Long> read = new HashMap<>();
    private Optional<List<ConsumerGroupLag>> lags = Optional.empty();
    private Optional<String> problem = Optional.empty();

    NextBatch(InspectedRecords inspected, String deadLetters) {
        this.inspected = inspected;
        this.deadLetters = deadLetters;
    }

    /** Counts each record, and keeps it when its key contains {@code filter} (any key when blank). */
    void add(Iterable<ConsumerRecord<byte[], byte[]>> records, String filter) {
        for (ConsumerRecord<byte[], byte[]> r : records) {
            read.merge(r.topic(), 1L, Long::sum);
            if (matches(r, filter)) {
                ArrayDeque<ConsumerRecord<byte[], byte[]>> q =
                        newest.computeIfAbsent(r.topic(), t -> new ArrayDeque<>());
                q.addLast(r);
                if (q.size() > cap(r.topic())) {
                    q.removeFirst();
                }
            }
        }
    }

    /** Forgets the records kept so far (the counts stay): the filter changed and the topics are read again. */
    void dropRecords() {
        newest.clear();
    }

    /** The groups' lag as just read; a problem reading it before is over. */
    void lags(List<ConsumerGroupLag> rows) {
        lags = Optional.of(rows);
        problem = Optional.empty();
    }

    void problem(String why) {
        problem = Optional.of(why);
    }

    /** True when there is anything to hand over. */
    boolean hasNews() {
        return !newest.isEmpty() || !read.isEmpty() || lags.isPresent() || problem.isPresent();
    }

    /** The batch as gathered; this starts empty again. */
    InspectorBatch take() {
        Map<String, List<InspectedRecord>> records = new HashMap<>();
        newest.forEach((topic, kept) -> records.put(topic, inspected.byTime(kept)));
        InspectorBatch batch = new InspectorBatch(records, read, lags, problem);
        newest.clear();
        read.clear();
        lags = Optional.empty();
        problem = Optional.empty();
        return batch;
    }

    private int cap(String topic) {
        return topic.equals(deadLetters) ? KafkaInspector.MAX_DEAD_LETTERS_PER_BATCH : KafkaInspector.MAX_PER_BATCH;
    }

    private static boolean matches(ConsumerRecord<byte[], byte[]> r, String filter) {
        return filter.isEmpty() || (r.key() != null && new String(r.key(), StandardCharsets.UTF_8).contains(filter));
    }
}
