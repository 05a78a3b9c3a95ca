package com.activitytracker.engine.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.activitytracker.engine.event.ActivityEventCodec;
import com.activitytracker.engine.event.EventTypes;
import com.activitytracker.engine.testing.EventScript;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class AnalyticsProcessorTest {
    private final MockProducer<byte[], byte[]> dlq =
            new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
    private final List<Long> reports = new ArrayList<>();
    private final AnalyticsProcessor processor = new AnalyticsProcessor(
            dlq, "dlq", Clock.systemUTC(), new SimpleMeterRegistry(), 3, s -> reports.add(s.eventsTotal()));
    private final ActivityEventCodec codec = new ActivityEventCodec();
    private long offset;

    private void feed(int events) {
        EventScript script = new EventScript(Instant.now());
        for (int i = 0; i < events; i++) {
            script.add("user-" + i, EventTypes.PAGE_VIEW, i);
        }
        script.events()
                .forEach(e -> processor.process(new ConsumerRecord<>(
                        "t", 0, offset++, e.userId().getBytes(StandardCharsets.UTF_8), codec.encode(e))));
    }

    @Test
    void publishesOnEachTickAndReportsEveryStatsInterval() {
        feed(7);
        processor.onTick();
        assertThat(processor.latest().eventsTotal()).isEqualTo(7);
        assertThat(reports).containsExactly(3L, 6L);
    }

    @Test
    void aResetShowsAtOnceAndNoEarlierFigureComesBack() {
        feed(5);
        processor.onTick();
        processor.requestReset();
        assertThat(processor.latest().eventsTotal()).isZero();
        processor.onTick();
        assertThat(processor.latest().eventsTotal()).isZero();
        feed(2);
        processor.onTick();
        assertThat(processor.latest().eventsTotal()).isEqualTo(2);
    }

    @Test
    void aDeadLetterKafkaRefusedStopsTheCommit() {
        MockProducer<byte[], byte[]> refusing =
                new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
        AnalyticsProcessor strict =
                new AnalyticsProcessor(refusing, "dlq", Clock.systemUTC(), new SimpleMeterRegistry(), 0, s -> {});
        strict.process(new ConsumerRecord<>("t", 0, 7, null, "garbage".getBytes(StandardCharsets.UTF_8)));
        refusing.errorNext(new org.apache.kafka.common.errors.TimeoutException("cluster gone"));
        assertThatThrownBy(strict::beforeCommit)
                .isInstanceOf(EffectsLost.class)
                .hasMessageStartingWith("1 dead letters could not be written to Kafka");
    }

    @Test
    void anInvalidRecordGoesToTheDlqAndIsCountedApart() {
        processor.process(new ConsumerRecord<>(
                "t", 3, 42, "k".getBytes(StandardCharsets.UTF_8), "nope".getBytes(StandardCharsets.UTF_8)));
        processor.beforeCommit();
        processor.onTick();
        assertThat(processor.latest().invalidRecords()).isEqualTo(1);
        assertThat(processor.latest().eventsTotal()).isZero();
        assertThat(dlq.history()).singleElement().satisfies(r -> {
            assertThat(r.topic()).isEqualTo("dlq");
            assertThat(new String(r.headers().lastHeader("dlq.source.offset").value(), StandardCharsets.UTF_8))
                    .isEqualTo("42");
            assertThat(new String(r.headers().lastHeader("dlq.consumer").value(), StandardCharsets.UTF_8))
                    .isEqualTo("analytics");
        });
    }
}
