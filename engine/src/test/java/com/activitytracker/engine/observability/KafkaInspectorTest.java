package com.activitytracker.engine.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The console's Kafka view reader against a real broker: tail, filter, lag, and a dead letter corrected and resent. */
@Tag("integration")
@ExtendWith(SharedKafka.class)
class KafkaInspectorTest {
    private static final String PURCHASE_WITHOUT_AMOUNT =
            "{\"event_id\":\"e-1\",\"event_type\":\"purchase\",\"user_id\":\"u-7\","
                    + "\"timestamp\":\"2026-11-26T10:30:45.123Z\",\"order_id\":\"o-1\"}";

    @TempDir
    Path dir;

    private Settings settings;
    private KafkaInspector inspector;
    private final List<InspectorBatch> batches = new CopyOnWriteArrayList<>();

    @BeforeEach
    void topics(KafkaTestCluster kafka) {
        settings = kafka.freshSettings(dir, Map.of());
        KafkaClientFactory clients = new KafkaClientFactory(settings);
        TopicAdmin admin = new TopicAdmin(clients, KafkaCluster.CONNECT_TIMEOUT);
        admin.ensureTopics(settings, admin.awaitCluster() == 1);
    }

    @AfterEach
    void close() throws InterruptedException {
        if (inspector != null) {
            inspector.close();
            assertThat(inspector.awaitClosed(Duration.ofSeconds(10)))
                    .as("the reader's thread closes its clients")
                    .isTrue();
        }
    }

    private List<InspectedRecord> seen(String topic) {
        List<InspectedRecord> all = new ArrayList<>();
        batches.forEach(b -> all.addAll(b.records().getOrDefault(topic, List.of())));
        return all;
    }

    private static ProducerRecord<String, byte[]> event(String topic, String user, String type) {
        String json = "{\"event_id\":\"" + java.util.UUID.randomUUID() + "\",\"event_type\":\"" + type
                + "\",\"user_id\":\"" + user + "\",\"timestamp\":\"2026-11-26T10:30:45.123Z\"}";
        return new ProducerRecord<>(topic, user, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void tailsTheTopicsInBatchesShowsOldDeadLettersFiltersByUserAndReadsGroupLag(KafkaTestCluster kafka)
            throws Exception {
        // a dead letter from before the view opened, with the headers the consumers write
        RecordHeaders h = new RecordHeaders();
        h.add(DeadLetter.ERROR, "purchase without amount".getBytes(StandardCharsets.UTF_8));
        h.add(DeadLetter.CONSUMER, "analytics".getBytes(StandardCharsets.UTF_8));
        h.add(DeadLetter.SOURCE_TOPIC, settings.activitiesTopic().getBytes(StandardCharsets.UTF_8));
        h.add(DeadLetter.SOURCE_PARTITION, "2".getBytes(StandardCharsets.UTF_8));
        h.add(DeadLetter.SOURCE_OFFSET, "41".getBytes(StandardCharsets.UTF_8));
        kafka.produceRaw(
                settings.dlqTopic(),
                List.of(new ProducerRecord<>(
                        settings.dlqTopic(),
                        null,
                        "u-7",
                        PURCHASE_WITHOUT_AMOUNT.getBytes(StandardCharsets.UTF_8),
                        h)));
        // a group that has read 3 of the 5 records of partition 0
        List<ProducerRecord<String, byte[]>> five = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            five.add(new ProducerRecord<>(
                    settings.activitiesTopic(),
                    0,
                    "old-" + i,
                    ("{\"event_type\":\"page_view\",\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8)));
        }
        kafka.produceRaw(settings.activitiesTopic(), five);
        TopicPartition p0 = new TopicPartition(settings.activitiesTopic(), 0);
        try (KafkaConsumer<byte[], byte[]> group =
                new KafkaClientFactory(settings).consumer("inspector-test-group", "inspector-test", true)) {
            group.commitSync(Map.of(p0, new OffsetAndMetadata(3)));
        }

        inspector = new KafkaInspector(settings, batches::add);
        inspector.start();

        await().atMost(Duration.ofSeconds(30))
                .until(() -> !seen(settings.dlqTopic()).isEmpty());
        InspectedRecord letter = seen(settings.dlqTopic()).get(0);
        assertThat(letter.deadLetter()).isPresent();
        assertThat(letter.deadLetter().get().error()).isEqualTo("purchase without amount");
        assertThat(letter.deadLetter().get().consumer()).isEqualTo("analytics");
        assertThat(letter.deadLetter().get().source()).isEqualTo(settings.activitiesTopic() + "/2@41");
        assertThat(letter.key()).isEqualTo("u-7");
        assertThat(letter.value()).contains("\"event_type\" : \"purchase\"").contains("\n");
        assertThat(letter.headers()).extracting(InspectedRecord.Header::name).contains(DeadLetter.ERROR);
        // the records from before the view opened are shown too, the newest of each partition
        await().atMost(Duration.ofSeconds(10))
                .until(() -> seen(settings.activitiesTopic()).size() >= 5);

        // live records arrive, with where they sit
        kafka.produceRaw(settings.activitiesTopic(), List.of(event(settings.activitiesTopic(), "alice", "login")));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> seen(settings.activitiesTopic()).stream()
                        .anyMatch(r -> r.key().equals("alice")));
        InspectedRecord alice = seen(settings.activitiesTopic()).stream()
                .filter(r -> r.key().equals("alice"))
                .findFirst()
                .orElseThrow();
        assertThat(alice.summary()).isEqualTo("login");
        assertThat(alice.offset()).isGreaterThanOrEqualTo(0);
        assertThat(alice.timestampMillis()).isPositive();

        // the group's lag, partition by partition: 5 - 3 on partition 0
        await().atMost(Duration.ofSeconds(15))
                .until(() -> batches.stream()
                        .flatMap(b -> b.lags().stream())
                        .flatMap(List::stream)
                        .anyMatch(l -> l.group().equals("inspector-test-group")
                                && l.partition() == 0
                                && l.committed() == 3
                                && l.end() == 5
                                && l.lag() == 2));

        // a filter: only that user's records from now on, and the recent ones found again
        inspector.filter("bob");
        kafka.produceRaw(
                settings.activitiesTopic(),
                List.of(
                        event(settings.activitiesTopic(), "carol", "click"),
                        event(settings.activitiesTopic(), "bob", "search")));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> seen(settings.activitiesTopic()).stream()
                        .anyMatch(r -> r.key().equals("bob")));
        int before = batches.size();
        kafka.produceRaw(settings.activitiesTopic(), List.of(event(settings.activitiesTopic(), "bob", "click")));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> batches.subList(before, batches.size()).stream()
                        .flatMap(b -> b.records().getOrDefault(settings.activitiesTopic(), List.of()).stream())
                        .anyMatch(r -> r.key().equals("bob") && r.summary().equals("click")));
        assertThat(batches.subList(before, batches.size()).stream()
                        .flatMap(b -> b.records().getOrDefault(settings.activitiesTopic(), List.of()).stream()))
                .allSatisfy(r -> assertThat(r.key()).contains("bob"));
    }

    @Test
    void aCorrectedDeadLetterGoesBackValidatedAndAnInvalidOneSendsNothing(KafkaTestCluster kafka) throws Exception {
        RecordHeaders h = new RecordHeaders();
        h.add(DeadLetter.ERROR, "purchase without amount".getBytes(StandardCharsets.UTF_8));
        h.add(DeadLetter.CONSUMER, "fraud".getBytes(StandardCharsets.UTF_8));
        h.add("trace-id", "t-1".getBytes(StandardCharsets.UTF_8));
        kafka.produceRaw(
                settings.dlqTopic(),
                List.of(new ProducerRecord<>(
                        settings.dlqTopic(),
                        null,
                        "u-7",
                        PURCHASE_WITHOUT_AMOUNT.getBytes(StandardCharsets.UTF_8),
                        h)));
        inspector = new KafkaInspector(settings, batches::add);
        inspector.start();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !seen(settings.dlqTopic()).isEmpty());
        InspectedRecord letter = seen(settings.dlqTopic()).get(0);

        byte[] stillBad = PURCHASE_WITHOUT_AMOUNT.getBytes(StandardCharsets.UTF_8);
        assertThat(inspector.check(letter, stillBad))
                .hasValueSatisfying(why -> assertThat(why).contains("amount"));
        assertThatThrownBy(() -> inspector.resend(letter, stillBad).join())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(KafkaInspector.InvalidCorrectionException.class);

        byte[] fixed = PURCHASE_WITHOUT_AMOUNT
                .replace("\"order_id\"", "\"amount\":12.5,\"order_id\"")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(inspector.check(letter, fixed)).isEmpty();
        String landed = inspector.resend(letter, fixed).get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(landed).startsWith(settings.activitiesTopic() + "/");

        List<ConsumerRecord<String, byte[]>> onTopic =
                kafka.readAll(settings.activitiesTopic(), 1, Duration.ofSeconds(15));
        assertThat(onTopic).as("only the valid correction was sent").hasSize(1);
        ConsumerRecord<String, byte[]> sent = onTopic.get(0);
        assertThat(sent.key()).isEqualTo("u-7");
        assertThat(new String(sent.value(), StandardCharsets.UTF_8)).contains("\"amount\":12.5");
        assertThat(KafkaTestCluster.header(sent, "trace-id")).isEqualTo("t-1");
        assertThat(KafkaTestCluster.header(sent, DeadLetter.ERROR))
                .as("dlq.* headers stay behind")
                .isNull();
        assertThat(KafkaTestCluster.header(sent, DeadLetter.REPLAYED_FROM)).isEqualTo(letter.place());
    }

    @Test
    void aReaderInterruptedWithItsProducerOpenStillClosesAndFailsWhatIsQueued() throws Exception {
        List<Thread> earlier = readerThreads(); // a reader closed just before may not have ended yet
        inspector = new KafkaInspector(settings, batches::add);
        inspector.start();
        // the producer opens for the first send, and closing it throws once the thread is interrupted
        assertThat(inspector.sendBrokenPurchase("u-7").get(30, java.util.concurrent.TimeUnit.SECONDS))
                .startsWith(settings.activitiesTopic() + "/");
        List<Thread> readers =
                readerThreads().stream().filter(t -> !earlier.contains(t)).toList();
        assertThat(readers).hasSize(1);

        readers.get(0).interrupt();

        assertThat(inspector.awaitClosed(Duration.ofSeconds(15))).isTrue();
        assertThatThrownBy(() -> inspector.sendBrokenPurchase("u-8").join())
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    private static List<Thread> readerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("kafka-view-reader") && t.isAlive())
                .toList();
    }

    @Test
    void closingBeforeItStartedOrTwiceIsHarmless() throws InterruptedException {
        KafkaInspector never = new KafkaInspector(settings, b -> {});
        never.close();
        never.close();
        assertThat(never.awaitClosed(Duration.ofSeconds(1))).isTrue();
        assertThatThrownBy(never::start).isInstanceOf(IllegalStateException.class);
    }
}
