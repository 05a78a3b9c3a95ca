package com.activitytracker.engine.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.event.ActivityEventCodec;
import com.activitytracker.engine.kafka.KafkaClientFactory;
import com.activitytracker.engine.testing.StoppableBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The producer rides out a broker that goes away for longer than its old 15 s limit and comes back
 * on the same port and data: nothing fails, and every event is in the topic exactly once. A broker
 * of its own, not the shared one, since this test stops it.
 */
@Tag("integration")
class ProducerOutageTest {
    private static final int EVENTS = 8_000;
    private static final Duration OLD_LIMIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    @Test
    void aBrokerAwayForLongerThanTheOldLimitCostsNoEventAndDuplicatesNone() throws Exception {
        try (StoppableBroker broker = new StoppableBroker(dir)) {
            Settings settings = broker.settings();
            KafkaClientFactory clients = broker.clients();
            ActivityProducer producer = ActivityProducer.builder(
                            () -> clients.producer("outage-producer"),
                            settings.activitiesTopic(),
                            new GeneratedTraffic(11))
                    .rate(1_000)
                    .maxEvents(EVENTS)
                    .build();
            try {
                producer.start();
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> producer.stats().delivered() >= 1_000);
                broker.stop();

                // the producer keeps generating into its buffer and waits, past the point where it used to give up
                await().atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(200))
                        .until(() -> producer.waitingForKafka().compareTo(OLD_LIMIT.plusSeconds(2)) >= 0);
                ProducerStats during = producer.stats();
                assertThat(during.failed()).isZero();
                assertThat(during.error()).isNull();
                assertThat(during.running()).isTrue();
                assertThat(during.inFlight()).isPositive();

                broker.restart();
                assertThat(producer.awaitFinished(Duration.ofSeconds(120))).isTrue();
                assertThat(producer.waitingForKafka()).isZero();
            } finally {
                producer.close();
            }

            ProducerStats stats = producer.stats();
            assertThat(stats.error()).isNull();
            assertThat(stats.failed()).isZero();
            assertThat(stats.sent()).isEqualTo(EVENTS);
            assertThat(stats.delivered()).isEqualTo(EVENTS);

            List<ConsumerRecord<String, byte[]>> records =
                    broker.cluster().readAll(settings.activitiesTopic(), EVENTS, Duration.ofSeconds(60));
            ActivityEventCodec codec = new ActivityEventCodec();
            Set<String> ids = new HashSet<>();
            for (ConsumerRecord<String, byte[]> r : records) {
                ids.add(codec.decode(r.value()).eventId());
            }
            assertThat(records).hasSize(EVENTS); // none lost, and the idempotent producer's retries wrote none twice
            assertThat(ids).hasSize(EVENTS);
        }
    }
}
