package com.activitytracker.engine.consumer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import com.activitytracker.engine.observability.RecordLog;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Kafka consumer on its own thread: it only moves records to a {@link RecordProcessor} and
 * commits offsets once their effects are done (at-least-once). The client is created inside the
 * thread and stopped with {@code wakeup()}, as Kafka's own examples do.
 */
public final class ConsumerWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConsumerWorker.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final String name;
    private final Supplier<Consumer<byte[], byte[]>> clientFactory;
    private final String topic;
    private final RecordProcessor processor;
    private final Clock clock;
    private final Duration idleExit;
    private final RecordLog recordLog;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicLong processed = new AtomicLong();
    private volatile long lagRecords = -1;
    private volatile double lagSeconds;
    private volatile int partitions;
    private volatile String error;
    private volatile boolean closing;
    private volatile Consumer<byte[], byte[]> client;
    private Thread thread;

    /** Offsets processed but not yet committed, per partition (consumer thread only). */
    private final Map<TopicPartition, Long> pending = new HashMap<>();
    /**
     * Committed offsets as found when partitions were assigned: a processor may rewind before them to
     * rebuild state, and re-reading those records must never move the committed offset backwards.
     */
    private final Map<TopicPartition, Long> committedAtAssignment = new HashMap<>();
    private Instant lastEventTime;

    /**
     * @param idleExit stop after this long without records (null: never)
     */
    public ConsumerWorker(String name, Supplier<Consumer<byte[], byte[]>> clientFactory, String topic,
                          RecordProcessor processor, Clock clock, Duration idleExit) {
        this.name = name;
        this.clientFactory = clientFactory;
        this.topic = topic;
        this.processor = processor;
        this.clock = clock;
        this.idleExit = idleExit;
        this.recordLog = new RecordLog(name);
    }

    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        thread = new Thread(this::run, name + "-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    public boolean isRunning() {
        return thread != null && finished.getCount() > 0;
    }

    /** @return true once the worker has stopped (idle exit, close or failure) */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public ConsumerStats stats() {
        return new ConsumerStats(name, processed.get(), lagRecords, lagSeconds, partitions, isRunning(), error);
    }

    @Override
    public void close() {
        closing = true;
        Consumer<byte[], byte[]> c = client;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            try {
                if (!finished.await(10, TimeUnit.SECONDS)) {
                    log.warn("{} consumer did not stop within 10 s", name);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        try (Consumer<byte[], byte[]> consumer = clientFactory.get()) {
            client = consumer;
            if (closing) {
                return;
            }
            consumer.subscribe(List.of(topic), new Rebalance(consumer));
            loop(consumer);
            commit(consumer);
        } catch (WakeupException e) {
            if (!closing) {
                error = "woken up unexpectedly";
            }
        } catch (RuntimeException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
            log.error("{} consumer stopped: {}", name, error, e);
        } finally {
            try {
                processor.onStop();
            } catch (RuntimeException e) {
                log.warn("{} consumer: error while stopping: {}", name, e.getMessage());
            }
            lagRecords = -1;
            finished.countDown();
        }
    }

    private void loop(Consumer<byte[], byte[]> consumer) {
        long lastRecordAt = System.nanoTime();
        long nextTick = System.nanoTime();
        while (!closing) {
            ConsumerRecords<byte[], byte[]> records;
            try {
                records = consumer.poll(POLL);
            } catch (WakeupException e) {
                if (closing) {
                    return;
                }
                throw e;
            }
            if (!records.isEmpty()) {
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    long started = System.nanoTime();
                    processor.process(record);
                    recordLog.processed(record, System.nanoTime() - started);
                    pending.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
                    lastEventTime = Instant.ofEpochMilli(record.timestamp());
                    processed.incrementAndGet();
                }
                commit(consumer);
                lastRecordAt = System.nanoTime();
            }
            long now = System.nanoTime();
            if (now >= nextTick) {
                updateLag(consumer);
                processor.onTick();
                nextTick = now + TICK_NANOS;
            }
            if (idleExit != null && now - lastRecordAt >= idleExit.toNanos()) {
                log.info("{} consumer: no records for {} ms, exiting", name, idleExit.toMillis());
                return;
            }
        }
    }

    private void commit(Consumer<byte[], byte[]> consumer) {
        if (pending.isEmpty()) {
            return;
        }
        processor.beforeCommit();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        pending.forEach((tp, offset) -> {
            if (offset > committedAtAssignment.getOrDefault(tp, -1L)) {
                offsets.put(tp, new OffsetAndMetadata(offset, processor.commitMetadata(tp)));
            }
        });
        if (!offsets.isEmpty()) {
            consumer.commitSync(offsets);
        }
        pending.clear();
    }

    private void updateLag(Consumer<byte[], byte[]> consumer) {
        Set<TopicPartition> assignment = consumer.assignment();
        partitions = assignment.size();
        long total = 0;
        for (TopicPartition tp : assignment) {
            OptionalLong lag = consumer.currentLag(tp);
            if (lag.isEmpty()) {
                return; // not known yet: keep the previous figure
            }
            total += lag.getAsLong();
        }
        lagRecords = total;
        Instant last = lastEventTime;
        lagSeconds = total == 0 || last == null ? 0
                : Math.max(0, Duration.between(last, clock.instant()).toMillis() / 1000.0);
    }

    /** Commits progress before partitions move to another consumer, and lets the processor rewind new ones. */
    private final class Rebalance implements ConsumerRebalanceListener, PartitionRewinder {
        private final Consumer<byte[], byte[]> consumer;
        private Map<TopicPartition, OffsetAndMetadata> committed = Map.of();

        Rebalance(Consumer<byte[], byte[]> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            commit(consumer);
            revoked.forEach(committedAtAssignment::remove);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
            if (assigned.isEmpty()) {
                return;
            }
            committed = new HashMap<>(consumer.committed(Set.copyOf(assigned)));
            committed.forEach((tp, om) -> {
                if (om != null) {
                    committedAtAssignment.put(tp, om.offset());
                }
            });
            processor.onAssigned(this, assigned);
        }

        @Override
        public Optional<String> committedMetadata(TopicPartition partition) {
            return Optional.ofNullable(committed.get(partition)).map(OffsetAndMetadata::metadata);
        }

        @Override
        public Optional<Long> committedOffset(TopicPartition partition) {
            return Optional.ofNullable(committed.get(partition)).map(OffsetAndMetadata::offset);
        }

        @Override
        public long rewindTo(TopicPartition partition, Instant time) {
            OffsetAndTimestamp found = consumer.offsetsForTimes(Map.of(partition, time.toEpochMilli())).get(partition);
            long offset = found != null ? found.offset() : consumer.position(partition);
            consumer.seek(partition, offset);
            return offset;
        }
    }
}
