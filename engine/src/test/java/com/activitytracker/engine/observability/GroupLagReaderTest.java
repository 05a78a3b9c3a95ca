package com.activitytracker.engine.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.kafka.KafkaClientFactory;
import com.activitytracker.engine.kafka.KafkaCluster;
import com.activitytracker.engine.kafka.TopicAdmin;
import com.activitytracker.engine.testing.KafkaTestCluster;
import com.activitytracker.engine.testing.SharedKafka;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The consumer groups' lag on the tracker's topics, read from a real broker. */
@Tag("integration")
@ExtendWith(SharedKafka.class)
class GroupLagReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsEachGroupsLagOnTheTrackersTopicsOnlyWithTheGroupsReadingNowFirst(KafkaTestCluster kafka)
            throws Exception {
        Settings settings = kafka.freshSettings(dir, Map.of(Settings.KAFKA_PARTITIONS, "2"));
        KafkaClientFactory clients = new KafkaClientFactory(settings);
        TopicAdmin topics = new TopicAdmin(clients, KafkaCluster.CONNECT_TIMEOUT);
        topics.ensureTopics(settings, topics.awaitCluster() == 1);
        String activities = settings.activitiesTopic();
        String alerts = settings.alertsTopic();
        List<ProducerRecord<String, byte[]>> five = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            five.add(new ProducerRecord<>(activities, 0, "u-" + i, "{}".getBytes(StandardCharsets.UTF_8)));
        }
        kafka.produceRaw(activities, five);

        String suffix = UUID.randomUUID().toString().substring(0, 8);
        // "a-…" sorts first by name: the member reading now must come first all the same
        String behind = "a-behind-" + suffix;
        String reading = "b-reading-" + suffix;
        String elsewhere = "c-elsewhere-" + suffix;
        try (KafkaConsumer<byte[], byte[]> c = clients.consumer(behind, "lag-test", true)) {
            c.commitSync(Map.of(new TopicPartition(activities, 0), new OffsetAndMetadata(3)));
        }
        try (KafkaConsumer<byte[], byte[]> c = clients.consumer(elsewhere, "lag-test", true)) {
            c.commitSync(Map.of(new TopicPartition(settings.dlqTopic(), 0), new OffsetAndMetadata(1)));
        }
        try (KafkaConsumer<byte[], byte[]> member = clients.consumer(reading, "lag-test", true);
                KafkaConsumer<byte[], byte[]> ends = clients.reader("lag-test-ends");
                Admin admin = clients.admin()) {
            member.subscribe(List.of(alerts));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (member.assignment().size() < 2) {
                assertThat(System.nanoTime()).as("joined within 30 s").isLessThan(deadline);
                member.poll(Duration.ofMillis(100));
            }
            // the dead letters are left out: only the groups on these topics count
            GroupLagReader lags = new GroupLagReader(admin, ends, Set.of(activities, alerts));

            AtomicReference<List<ConsumerGroupLag>> rows = new AtomicReference<>();
            await().pollInSameThread().atMost(Duration.ofSeconds(15)).until(() -> {
                rows.set(lags.read().stream()
                        .filter(r -> r.group().endsWith(suffix))
                        .toList());
                return rows.get().size() == 3;
            });

            assertThat(rows.get())
                    .containsExactly(
                            new ConsumerGroupLag(reading, "Stable", 1, alerts, 0, -1, 0),
                            new ConsumerGroupLag(reading, "Stable", 1, alerts, 1, -1, 0),
                            new ConsumerGroupLag(behind, "Empty", 0, activities, 0, 3, 5));
            assertThat(rows.get().get(2).lag()).isEqualTo(2);
            assertThat(rows.get().get(0).lag()).as("nothing committed yet").isZero();
        }
    }
}
