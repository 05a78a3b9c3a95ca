package com.activitytracker.engine.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetCommitCallback;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The worker's loop against Kafka's {@link MockConsumer}: when it commits, what, and when it stops. */
@Tag("unit")
class ConsumerWorkerTest {
    private static final String TOPIC = "activities";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);

    private final RecordingProcessor processor = new RecordingProcessor();
    private final RecordingConsumer consumer = new RecordingConsumer(processor);

    {
        processor.polls = consumer.polls;
    }

    private ConsumerWorker worker;

    @AfterEach
    void stop() {
        if (worker != null) {
            worker.close();
        }
    }

    @Test
    void commitsOnlyOffsetsWhoseEffectsWereMadeDurableFirst() {
        assignOnFirstPoll(Map.of(P0, 0L, P1, 0L), Map.of(P0, 0L, P1, 0L));
        worker = start(null);
        addRecords(P0, 0, 30);
        addRecords(P1, 0, 20);

        await().atMost(Duration.ofSeconds(10)).until(() -> committed(P0) == 30 && committed(P1) == 20);
        assertThat(consumer.commitsAheadOfEffects).isEmpty();
        assertThat(consumer.commits).as("a commit per cadence, not per poll").hasSizeLessThan(5);
    }

    @Test
    void aDrainedBacklogIsCommittedAtTheFirstEmptyPollNotASecondLater() {
        assignOnFirstPoll(Map.of(P0, 0L), Map.of(P0, 0L));
        worker = start(null);
        addRecords(P0, 0, 40); // far fewer than COMMIT_EVERY_RECORDS

        await().atMost(Duration.ofSeconds(10)).until(() -> committed(P0) == 40);
        assertThat(consumer.pollAtFirstCommit.get())
                .as("committed in the loop of the first empty poll after the records, not at the 1 s cadence")
                .isEqualTo(consumer.lastPollWithRecords.get() + 1);
        assertThat(consumer.commitsAheadOfEffects).isEmpty();
    }

    @Test
    void theFirstRecordsArePublishedAtOnceNotAtTheNextTick() {
        assignOnFirstPoll(Map.of(P0, 0L), Map.of(P0, 0L));
        worker = start(null);
        await().atMost(Duration.ofSeconds(10)).until(() -> !processor.tickPolls.isEmpty());

        addRecords(P0, 0, 3); // well within the 250 ms before the next tick is due

        await().atMost(Duration.ofSeconds(10)).until(() -> processor.processed.size() == 3);
        await().atMost(Duration.ofSeconds(10)).until(() -> processor.tickPolls.size() >= 2);
        assertThat(processor.tickPolls.get(1))
                .as("ticked in the loop of the poll that brought the first records")
                .isEqualTo(consumer.lastPollWithRecords.get());
    }

    @Test
    void revokedPartitionsAreCommittedBeforeTheyMove() {
        assignOnFirstPoll(Map.of(P0, 0L, P1, 0L), Map.of(P0, 0L, P1, 0L));
        worker = start(null);
        addRecords(P0, 0, 5);
        await().atMost(Duration.ofSeconds(10)).until(() -> processor.processed.size() == 5);

        consumer.schedulePollTask(() -> consumer.rebalance(List.of(P1)));

        await().atMost(Duration.ofSeconds(10)).until(() -> committed(P0) == 5);
        assertThat(consumer.commitsAheadOfEffects).isEmpty();
    }

    @Test
    void lostPartitionsAreNeitherCommittedNorKeptPending() {
        assignOnFirstPoll(Map.of(P0, 0L, P1, 0L), Map.of(P0, 0L, P1, 0L));
        worker = start(null);
        consumer.schedulePollTask(() -> {
            addRecordsNow(P0, 0, 5);
            addRecordsNow(P1, 0, 3);
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> processor.processed.size() == 8);

        // the session expired: P0 already belongs to another member
        AtomicReference<Long> committedWhenLost = new AtomicReference<>();
        consumer.schedulePollTask(() -> {
            committedWhenLost.set(committed(P0));
            consumer.listener.get().onPartitionsLost(List.of(P0));
        });
        consumer.schedulePollTask(() -> consumer.rebalance(List.of(P1)));
        await().atMost(Duration.ofSeconds(10)).until(() -> committed(P1) == 3);
        worker.close();

        assertThat(committed(P0))
                .as("no commit for a lost partition, then or at close")
                .isEqualTo(committedWhenLost.get());
        assertThat(worker.stats().error()).isNull();
    }

    @Test
    void closeWakesThePollStopsAtOnceAndCommitsWhatWasProcessed() {
        assignOnFirstPoll(Map.of(P0, 0L), Map.of(P0, 0L));
        worker = start(null);
        addRecords(P0, 0, 7);
        await().atMost(Duration.ofSeconds(10)).until(() -> processor.processed.size() == 7);

        long t0 = System.nanoTime();
        worker.close();

        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        assertThat(worker.isRunning()).isFalse();
        assertThat(worker.stats().error()).isNull();
        assertThat(committed(P0)).isEqualTo(7);
        assertThat(consumer.closed()).isTrue();
        assertThat(processor.stopped).isTrue();
    }

    @Test
    void idleTimeCountsOnlyOnceAssignedAndCaughtUpWithTheBacklogFoundThen() throws Exception {
        worker = start(Duration.ofMillis(200));

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> worker.isRunning());
        assertThat(worker.joined()).as("still waiting for the group").isFalse();

        consumer.schedulePollTask(() -> {
            consumer.updateBeginningOffsets(Map.of(P0, 0L));
            consumer.updateEndOffsets(Map.of(P0, 10L)); // 10 records waiting when the partition is assigned
            consumer.rebalance(List.of(P0));
            addRecordsNow(P0, 0, 4);
        });
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> worker.isRunning() && processor.processed.size() == 4);

        addRecords(P0, 4, 10);
        assertThat(worker.awaitFinished(Duration.ofSeconds(10))).isTrue();
        assertThat(processor.processed).hasSize(10);
        assertThat(worker.unreadAtStop()).isZero();
        assertThat(committed(P0)).isEqualTo(10);
    }

    @Test
    void aWorkerStoppedBehindReportsWhatItLeftUnread() throws Exception {
        assignOnFirstPoll(Map.of(P0, 0L), Map.of(P0, 50L));
        worker = start(null);
        addRecords(P0, 0, 20);
        await().atMost(Duration.ofSeconds(10)).until(() -> processor.processed.size() == 20);

        worker.close();

        assertThat(worker.unreadAtStop()).isEqualTo(30);
    }

    @Test
    void aWorkerStoppedBeforeItJoinedSaysSo() {
        worker = start(null);
        await().atMost(Duration.ofSeconds(5)).until(() -> consumer.listener.get() != null);

        worker.close();

        assertThat(worker.unreadAtStop()).isEqualTo(-1);
    }

    @Test
    void aFreshStartSkipsWhatTheGroupLeftUnreadButLaterRebalancesResume() {
        consumer.commitSync(Map.of(P0, new OffsetAndMetadata(2)), Duration.ofSeconds(1)); // a rehearsal's progress
        consumer.lastCommitted.clear();
        assignOnFirstPoll(Map.of(P0, 0L), Map.of(P0, 40L));
        worker = new ConsumerWorker("test", () -> consumer, TOPIC, processor, Clock.systemUTC(), null, true);
        worker.start();
        await().atMost(Duration.ofSeconds(10)).until(worker::joined);
        addRecords(P0, 40, 45);

        await().atMost(Duration.ofSeconds(10)).until(() -> committed(P0) == 45);
        assertThat(processor.processed).extracting(ConsumerRecord::offset).containsExactly(40L, 41L, 42L, 43L, 44L);
    }

    // ---- helpers --------------------------------------------------------------------------------

    private ConsumerWorker start(Duration idleExit) {
        ConsumerWorker w = new ConsumerWorker("test", () -> consumer, TOPIC, processor, Clock.systemUTC(), idleExit);
        w.start();
        return w;
    }

    private void assignOnFirstPoll(Map<TopicPartition, Long> beginning, Map<TopicPartition, Long> end) {
        consumer.schedulePollTask(() -> {
            consumer.updateBeginningOffsets(new HashMap<>(beginning));
            consumer.updateEndOffsets(new HashMap<>(end));
            consumer.rebalance(new ArrayList<>(beginning.keySet()));
        });
    }

    /** Adds the records from within a poll, where the mock's state belongs to the worker's thread. */
    private void addRecords(TopicPartition tp, long from, long to) {
        consumer.schedulePollTask(() -> addRecordsNow(tp, from, to));
    }

    private void addRecordsNow(TopicPartition tp, long from, long to) {
        for (long o = from; o < to; o++) {
            consumer.addRecord(
                    new ConsumerRecord<>(TOPIC, tp.partition(), o, null, ("e" + o).getBytes(StandardCharsets.UTF_8)));
        }
    }

    private long committed(TopicPartition tp) {
        OffsetAndMetadata om = consumer.lastCommitted.get(tp);
        return om == null ? -1 : om.offset();
    }

    /** Notes every record and, at {@link #beforeCommit()}, which offsets now have durable effects. */
    private static final class RecordingProcessor implements RecordProcessor {
        final List<ConsumerRecord<byte[], byte[]>> processed = new CopyOnWriteArrayList<>();
        final Map<TopicPartition, Long> processedUpTo = new ConcurrentHashMap<>();
        final Map<TopicPartition, Long> durableUpTo = new ConcurrentHashMap<>();
        /** The consumer's poll count at each tick. */
        final List<Integer> tickPolls = new CopyOnWriteArrayList<>();

        volatile AtomicInteger polls;
        volatile boolean stopped;

        @Override
        public void onTick() {
            tickPolls.add(polls.get());
        }

        @Override
        public void process(ConsumerRecord<byte[], byte[]> record) {
            processed.add(record);
            processedUpTo.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
        }

        @Override
        public void beforeCommit() {
            durableUpTo.putAll(processedUpTo);
        }

        @Override
        public void onStop() {
            stopped = true;
        }
    }

    /** A mock that checks each commit against the processor's durable effects and polls like a real client waits. */
    private static final class RecordingConsumer extends MockConsumer<byte[], byte[]> {
        final RecordingProcessor processor;
        final List<Map<TopicPartition, OffsetAndMetadata>> commits = new CopyOnWriteArrayList<>();
        final List<String> commitsAheadOfEffects = new CopyOnWriteArrayList<>();
        final Map<TopicPartition, OffsetAndMetadata> lastCommitted = new ConcurrentHashMap<>();
        final AtomicReference<ConsumerRebalanceListener> listener = new AtomicReference<>();
        final AtomicInteger polls = new AtomicInteger();
        final AtomicInteger lastPollWithRecords = new AtomicInteger(-1);
        final AtomicInteger pollAtFirstCommit = new AtomicInteger(-1);

        RecordingConsumer(RecordingProcessor processor) {
            super("earliest");
            this.processor = processor;
        }

        @Override
        public void subscribe(Collection<String> topics, ConsumerRebalanceListener l) {
            listener.set(l);
            super.subscribe(topics, l);
        }

        @Override
        public ConsumerRecords<byte[], byte[]> poll(Duration timeout) {
            ConsumerRecords<byte[], byte[]> records = super.poll(timeout);
            int poll = polls.incrementAndGet();
            if (!records.isEmpty()) {
                lastPollWithRecords.set(poll);
            }
            if (records.isEmpty()) {
                LockSupport.parkNanos(Duration.ofMillis(5).toNanos()); // a real poll waits for data
            }
            return records;
        }

        @Override
        public void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets, Duration timeout) {
            record(offsets);
            super.commitSync(offsets, timeout);
        }

        @Override
        public synchronized void commitAsync(
                Map<TopicPartition, OffsetAndMetadata> offsets, OffsetCommitCallback callback) {
            record(offsets);
            super.commitAsync(offsets, callback);
        }

        private void record(Map<TopicPartition, OffsetAndMetadata> offsets) {
            commits.add(Map.copyOf(offsets));
            pollAtFirstCommit.compareAndSet(-1, polls.get());
            offsets.forEach((tp, om) -> {
                if (om.offset() > processor.durableUpTo.getOrDefault(tp, 0L)
                        && processor.processedUpTo.containsKey(tp)) {
                    commitsAheadOfEffects.add(tp + "@" + om.offset());
                }
            });
            lastCommitted.putAll(offsets);
        }
    }
}
