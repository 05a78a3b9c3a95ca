package com.activitytracker.engine.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The lag figures a worker reports: records left on its partitions and event time behind. */
@Tag("unit")
class ConsumerLagTest {
    private static final TopicPartition P0 = new TopicPartition("activities", 0);
    private static final TopicPartition P1 = new TopicPartition("activities", 1);
    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    private final ConsumerLag lag = new ConsumerLag(Clock.fixed(NOW, ZoneOffset.UTC));
    private final Set<TopicPartition> unknownLag = new HashSet<>();
    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest") {
        @Override
        public OptionalLong currentLag(TopicPartition partition) {
            return unknownLag.contains(partition) ? OptionalLong.empty() : super.currentLag(partition);
        }
    };

    @Test
    void unknownUntilFirstMeasured() {
        assertThat(lag.records()).isEqualTo(-1);
        assertThat(lag.seconds()).isZero();
    }

    @Test
    void recordsBehindSumOverPartitionsAndSecondsRunFromTheLastEventProcessed() {
        owning(Map.of(P0, 10L, P1, 5L));
        consumer.seek(P0, 4);
        lag.lastEventAt(NOW.minusMillis(2_500).toEpochMilli());

        lag.update(consumer, List.of(P0, P1));

        assertThat(lag.records()).isEqualTo(6 + 5);
        assertThat(lag.seconds()).isEqualTo(2.5);
    }

    @Test
    void caughtUpIsZeroSecondsBehindWhateverTheLastEventsTime() {
        owning(Map.of(P0, 3L));
        consumer.seek(P0, 3);
        lag.lastEventAt(NOW.minusSeconds(60).toEpochMilli());

        lag.update(consumer, List.of(P0));

        assertThat(lag.records()).isZero();
        assertThat(lag.seconds()).isZero();
    }

    @Test
    void aPartitionWithoutAKnownLagKeepsThePreviousFigures() {
        owning(Map.of(P0, 10L, P1, 5L));
        lag.update(consumer, List.of(P0, P1));
        unknownLag.add(P1);
        consumer.seek(P0, 10);

        lag.update(consumer, List.of(P0, P1));

        assertThat(lag.records()).isEqualTo(15);
    }

    @Test
    void aStoppedWorkersLagIsUnknownAgain() {
        owning(Map.of(P0, 10L));
        lag.update(consumer, List.of(P0));

        lag.unknown();

        assertThat(lag.records()).isEqualTo(-1);
    }

    private void owning(Map<TopicPartition, Long> end) {
        consumer.assign(end.keySet());
        Map<TopicPartition, Long> beginning = new HashMap<>();
        end.keySet().forEach(tp -> beginning.put(tp, 0L));
        consumer.updateBeginningOffsets(beginning);
        consumer.updateEndOffsets(end);
    }
}
