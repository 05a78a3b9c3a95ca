package com.activitytracker.engine.producer;

import static org.assertj.core.api.Assertions.assertThat;

import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.event.ActivityEvent;
import com.activitytracker.engine.event.ActivityEventCodec;
import com.activitytracker.engine.kafka.KafkaClientFactory;
import com.activitytracker.engine.kafka.TopicAdmin;
import com.activitytracker.engine.testing.KafkaTestCluster;
import com.activitytracker.engine.testing.SharedKafka;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
@ExtendWith(SharedKafka.class)
class ActivityProducerIntegrationTest {
    @TempDir
    Path dir;

    @Test
    void sendsExactlyNValidEventsKeyedByUser(KafkaTestCluster kafka) throws Exception {
        Settings settings = kafka.freshSettings(dir, Map.of());
        KafkaClientFactory clients = new KafkaClientFactory(settings);
        new TopicAdmin(clients, Duration.ofSeconds(10)).ensureTopics(settings, true);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ActivityProducer producer = ActivityProducer.builder(
                        () -> clients.producer("test-producer"), settings.activitiesTopic(), new GeneratedTraffic(42))
                .rate(2_000)
                .maxEvents(500)
                .registry(registry)
                .build();
        producer.start();
        assertThat(producer.awaitFinished(Duration.ofSeconds(60))).isTrue();

        ProducerStats stats = producer.stats();
        assertThat(stats.sent()).isEqualTo(500);
        assertThat(stats.delivered()).isEqualTo(500);
        assertThat(stats.failed()).isZero();
        assertThat(stats.lastDelivery().topic()).isEqualTo(settings.activitiesTopic());
        assertThat(registry.get("tracker.producer.delivered").functionCounter().count())
                .isEqualTo(500);
        // one acknowledgement in 16 is timed, every sample recorded by the time the producer has finished
        assertThat(registry.get("tracker.producer.send.latency").timer().count())
                .isEqualTo(500 / 16);
        assertThat(registry.get("tracker.producer.send.latency").timer().totalTime(TimeUnit.MICROSECONDS))
                .isPositive();

        List<ConsumerRecord<String, byte[]>> records =
                kafka.readAll(settings.activitiesTopic(), 500, Duration.ofSeconds(30));
        assertThat(records).hasSize(500);
        ActivityEventCodec codec = new ActivityEventCodec();
        List<String> ids = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            ActivityEvent event = codec.decode(record.value());
            assertThat(record.key()).isEqualTo(event.userId());
            ids.add(event.eventId());
        }
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void followsARateChangeWhileRunning(KafkaTestCluster kafka) throws Exception {
        Settings settings = kafka.freshSettings(dir, Map.of());
        KafkaClientFactory clients = new KafkaClientFactory(settings);
        new TopicAdmin(clients, Duration.ofSeconds(10)).ensureTopics(settings, true);
        ActivityProducer producer = ActivityProducer.builder(
                        () -> clients.producer("test-producer"), settings.activitiesTopic(), new GeneratedTraffic(7))
                .rate(0)
                .build();
        try {
            producer.start();
            assertThat(producer.stats().sent()).isZero();
            producer.setRate(1_000);
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> producer.stats().delivered() >= 200);
            producer.setRate(0);
            long paused = producer.stats().sent();
            // paused: what the limiter granted before the change still goes out, at most one grant (a burst
            // with its catch-up after a stall: 25 events at 1,000/s), then the count stands still
            long oneGrant = (long) Math.ceil(1_000 * (RateLimiter.BURST_NANOS + RateLimiter.MAX_CATCH_UP_NANOS) / 1e9);
            org.awaitility.Awaitility.await()
                    .during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> producer.stats().sent() <= paused + oneGrant);
            long settled = producer.stats().sent();
            org.awaitility.Awaitility.await()
                    .during(Duration.ofMillis(500))
                    .atMost(Duration.ofSeconds(3))
                    .until(() -> producer.stats().sent() == settled);
        } finally {
            producer.close();
        }
        assertThat(producer.stats().failed()).isZero();
    }
}
