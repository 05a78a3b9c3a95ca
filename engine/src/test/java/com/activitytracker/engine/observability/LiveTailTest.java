package com.activitytracker.engine.observability;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Where the Kafka view's consumer reads, against a real broker: the start, the tail sample, the filter's rewind. */
@Tag("integration")
@ExtendWith(SharedKafka.class)
class LiveTailTest {
    private static final Duration POLL = Duration.ofMillis(100);

    @TempDir
    Path dir;

    private KafkaTestCluster kafka;
    private Settings settings;
    private KafkaConsumer<byte[], byte[]> consumer;
    private final List<ConsumerRecord<byte[], byte[]>> read = new ArrayList<>();

    @BeforeEach
    void topics(KafkaTestCluster kafka) {
        this.kafka = kafka;
        settings = kafka.freshSettings(dir, Map.of(Settings.KAFKA_PARTITIONS, "2"));
        KafkaClientFactory clients = new KafkaClientFactory(settings);
        TopicAdmin admin = new TopicAdmin(clients, KafkaCluster.CONNECT_TIMEOUT);
        admin.ensureTopics(settings, admin.awaitCluster() == 1);
        consumer = clients.reader("live-tail-test");
    }

    @AfterEach
    void close() {
        consumer.close();
    }

    private void produce(String topic, int partition, int count) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(new ProducerRecord<>(topic, partition, "u-" + i, "{}".getBytes(StandardCharsets.UTF_8)));
        }
        kafka.produceRaw(topic, records);
    }

    private LiveTail open() {
        return LiveTail.open(
                consumer,
                List.of(settings.activitiesTopic(), settings.alertsTopic(), settings.dlqTopic()),
                settings.dlqTopic());
    }

    /** Polls as the reader's thread does, on this thread, until {@code done} or 15 s. */
    private void pollUntil(LiveTail tail, BooleanSupplier done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("polled for 15 s").isLessThan(deadline);
            tail.poll(POLL).forEach(read::add);
        }
    }

    private List<Long> offsetsRead(TopicPartition tp) {
        return read.stream()
                .filter(r -> r.topic().equals(tp.topic()) && r.partition() == tp.partition())
                .map(ConsumerRecord::offset)
                .toList();
    }

    private static List<Long> range(long from, long to) {
        List<Long> out = new ArrayList<>();
        for (long o = from; o < to; o++) {
            out.add(o);
        }
        return out;
    }

    @Test
    void opensALittleBeforeTheEndOfTheLiveTopicsAndFurtherBackInTheDeadLetters() {
        TopicPartition busy = new TopicPartition(settings.activitiesTopic(), 0);
        TopicPartition quiet = new TopicPartition(settings.activitiesTopic(), 1);
        TopicPartition letters = new TopicPartition(settings.dlqTopic(), 0);
        produce(busy.topic(), 0, LiveTail.LIVE_BACK + 30);
        produce(quiet.topic(), 1, 5);
        produce(letters.topic(), 0, LiveTail.LIVE_BACK + 30);

        open();

        assertThat(consumer.assignment()).hasSize(6);
        assertThat(consumer.position(busy)).isEqualTo(30);
        assertThat(consumer.position(quiet)).isZero();
        assertThat(consumer.position(letters))
                .as("all of them: fewer than DEAD_LETTERS_BACK")
                .isZero();
    }

    @Test
    void eachBatchSamplesOnlyTheNewestOfABusyPartitionAndPausesItThere() {
        TopicPartition busy = new TopicPartition(settings.activitiesTopic(), 0);
        TopicPartition quiet = new TopicPartition(settings.activitiesTopic(), 1);
        LiveTail tail = open();

        produce(busy.topic(), 0, 50);
        tail.nextBatch(true);
        pollUntil(tail, () -> consumer.paused().contains(busy));
        assertThat(offsetsRead(busy)).isEqualTo(range(50 - LiveTail.TAIL_SAMPLE, 50));
        assertThat(consumer.paused()).as("nothing new there: paused at once").contains(quiet);

        // the next records wait for the next batch; being fewer than a sample, all of them are read
        read.clear();
        produce(busy.topic(), 0, 4);
        tail.nextBatch(true);
        pollUntil(tail, () -> consumer.paused().contains(busy));
        assertThat(offsetsRead(busy)).isEqualTo(range(50, 54));

        // while sampling stops (filtered or paused) every partition is read on from where it is
        tail.nextBatch(false);
        assertThat(consumer.paused()).isEmpty();
        read.clear();
        produce(busy.topic(), 0, 30);
        pollUntil(tail, () -> offsetsRead(busy).size() == 30);
        assertThat(offsetsRead(busy)).isEqualTo(range(54, 84));
    }

    @Test
    void aRewindForAFilterGoesBackFurtherAndReadsEveryPartitionAgain() {
        TopicPartition busy = new TopicPartition(settings.activitiesTopic(), 0);
        TopicPartition letters = new TopicPartition(settings.dlqTopic(), 1);
        produce(busy.topic(), 0, 100);
        produce(letters.topic(), 1, 3);
        LiveTail tail = open();
        tail.nextBatch(true);
        pollUntil(tail, () -> consumer.paused().contains(busy));

        read.clear();
        tail.rewind(true);
        assertThat(consumer.paused()).isEmpty();
        pollUntil(
                tail,
                () -> offsetsRead(busy).size() == 100 && offsetsRead(letters).size() == 3);
        assertThat(offsetsRead(busy)).isEqualTo(range(0, 100));

        // back to no filter: as on opening
        tail.rewind(false);
        assertThat(consumer.position(busy)).isEqualTo(100 - LiveTail.LIVE_BACK);
        assertThat(consumer.position(letters)).isZero();
    }
}
