package com.activitytracker.engine.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class NextBatchTest {
    private static final String ACTIVITIES = "activities";
    private static final String DLQ = "activities.dlq";

    private final NextBatch batch = new NextBatch(new InspectedRecords("alerts", DLQ), DLQ);

    private static ConsumerRecord<byte[], byte[]> record(
            String topic, int partition, long offset, long time, String key) {
        return new ConsumerRecord<>(
                topic,
                partition,
                offset,
                time,
                TimestampType.CREATE_TIME,
                -1,
                -1,
                key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                "{\"event_type\":\"login\"}".getBytes(StandardCharsets.UTF_8),
                new RecordHeaders(),
                Optional.empty());
    }

    private static List<ConsumerRecord<byte[], byte[]>> many(String topic, int count) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(record(topic, 0, i, 1_000 + i, "u-" + i));
        }
        return out;
    }

    @Test
    void withNothingReadThereIsNothingToHandOver() {
        assertThat(batch.hasNews()).isFalse();
    }

    @Test
    void keepsTheNewestUpToTheCapOfEachTopicAndCountsAllRead() {
        batch.add(many(ACTIVITIES, KafkaInspector.MAX_PER_BATCH + 15), "");
        batch.add(many(DLQ, KafkaInspector.MAX_DEAD_LETTERS_PER_BATCH + 3), "");

        InspectorBatch taken = batch.take();
        assertThat(taken.read())
                .isEqualTo(Map.of(
                        ACTIVITIES,
                        (long) KafkaInspector.MAX_PER_BATCH + 15,
                        DLQ,
                        (long) KafkaInspector.MAX_DEAD_LETTERS_PER_BATCH + 3));
        assertThat(taken.records().get(ACTIVITIES))
                .hasSize(KafkaInspector.MAX_PER_BATCH)
                .first()
                .extracting(InspectedRecord::offset)
                .isEqualTo(15L);
        assertThat(taken.records().get(DLQ)).hasSize(KafkaInspector.MAX_DEAD_LETTERS_PER_BATCH);
    }

    @Test
    void aFilterKeepsOnlyKeysContainingItButCountsEveryRecord() {
        batch.add(
                List.of(
                        record(ACTIVITIES, 0, 0, 1, "bob"),
                        record(ACTIVITIES, 0, 1, 2, "alice"),
                        record(ACTIVITIES, 0, 2, 3, null),
                        record(ACTIVITIES, 0, 3, 4, "bobby")),
                "bob");

        InspectorBatch taken = batch.take();
        assertThat(taken.read()).isEqualTo(Map.of(ACTIVITIES, 4L));
        assertThat(taken.records().get(ACTIVITIES))
                .extracting(InspectedRecord::key)
                .containsExactly("bob", "bobby");
    }

    @Test
    void recordsAreListedByTimeAcrossPartitions() {
        batch.add(
                List.of(
                        record(ACTIVITIES, 0, 7, 300, "a"),
                        record(ACTIVITIES, 0, 8, 500, "b"),
                        record(ACTIVITIES, 1, 2, 100, "c"),
                        record(ACTIVITIES, 1, 3, 400, "d")),
                "");

        assertThat(batch.take().records().get(ACTIVITIES))
                .extracting(InspectedRecord::key)
                .containsExactly("c", "a", "d", "b");
    }

    @Test
    void droppingTheRecordsKeepsTheCounts() {
        batch.add(many(ACTIVITIES, 3), "");
        batch.dropRecords();

        assertThat(batch.hasNews()).isTrue();
        InspectorBatch taken = batch.take();
        assertThat(taken.records()).isEmpty();
        assertThat(taken.read()).isEqualTo(Map.of(ACTIVITIES, 3L));
    }

    @Test
    void lagsReadAgainEndAProblemAndTakingStartsAfresh() {
        ConsumerGroupLag row = new ConsumerGroupLag("g", "Stable", 1, ACTIVITIES, 0, 3, 5);
        batch.problem("Could not read the consumer groups: timeout");
        assertThat(batch.hasNews()).isTrue();
        batch.lags(List.of(row));

        InspectorBatch taken = batch.take();
        assertThat(taken.lags()).contains(List.of(row));
        assertThat(taken.problem()).isEmpty();
        assertThat(batch.hasNews()).isFalse();

        batch.problem("Could not read the consumer groups: timeout");
        InspectorBatch next = batch.take();
        assertThat(next.lags()).isEmpty();
        assertThat(next.problem()).contains("Could not read the consumer groups: timeout");
        assertThat(next.records()).isEmpty();
        assertThat(next.read()).isEmpty();
    }
}
