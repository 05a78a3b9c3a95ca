package com.activitytracker.engine.consumer;

import com.activitytracker.engine.observability.RecordLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Kafka consumer on its own thread: it only moves records to a {@link RecordProcessor} and
 * commits offsets once their effects are on the cluster (at-least-once). The client is created inside
 * the thread and stopped with {@code wakeup()}, as Kafka's own examples do.
 *
 * <p>Commits run on a cadence, not after every poll: a synchronous commit and a producer flush per
 * poll put a broker round trip or two in front of every next batch. The processor's
 * {@link RecordProcessor#beforeCommit()} still runs before each commit, so a commit never covers an
 * alert or dead letter that is not yet acknowledged. Revocation and stop commit synchronously.
 */
public final class ConsumerWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConsumerWorker.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    /** At most this much work is re-read after a crash; small against the 30-60 s windows of the fraud rules. */
    static final long COMMIT_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(1_000);

    static final int COMMIT_EVERY_RECORDS = 10_000;
    /** Kafka's default of 30 s (60 s for a commit) is what made a stop after a rebalance hang. */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private static final Duration STOP_WAIT = Duration.ofSeconds(15);

    private final String name;
    private final Supplier<Consumer<byte[], byte[]>> clientFactory;
    private final String topic;
    private final RecordProcessor processor;
    private final Clock clock;
    private final Duration idleExit;
    private final boolean startAtEnd;
    private final RecordLog recordLog;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicLong processed = new AtomicLong();
    private volatile long lagRecords = -1;
    private volatile double lagSeconds;
    private volatile int partitions;
    private volatile String error;
    private volatile boolean closing;
    private volatile boolean joined;
    private volatile long unreadAtStop = -1;
    private volatile Consumer<byte[], byte[]> client;
    private Thread thread;

    /** Offsets processed but not yet committed, per partition (consumer thread only). */
    private final Map<TopicPartition, Long> pending = new HashMap<>();
    /**
     * Committed offsets as found when partitions were assigned: a processor may rewind before them to
     * rebuild state, and re-reading those records must never move the committed offset backwards.
     */
    private final Map<TopicPartition, Long> committedAtAssignment = new HashMap<>();
    /** End offsets found when each partition was assigned: what this worker was asked to read at least. */
    private final Map<TopicPartition, Long> targets = new HashMap<>();
    /** Partitions this worker has owned at some point; a fresh start skips to the end only on the first. */
    private final Set<TopicPartition> seen = new HashSet<>();

    private int uncommittedRecords;
    private long nextCommit;
    private Instant lastEventTime;

    /**
     * Resumes from the group's committed offsets (or the consumer's reset policy where none).
     *
     * @param idleExit stop after this long without records once caught up (null: never)
     */
    public ConsumerWorker(
            String name,
            Supplier<Consumer<byte[], byte[]>> clientFactory,
            String topic,
            RecordProcessor processor,
            Clock clock,
            Duration idleExit) {
        this(name, clientFactory, topic, processor, clock, idleExit, false);
    }

    /**
     * @param idleExit   stop after this long without records once caught up (null: never)
     * @param startAtEnd read only records written after the start, whatever the group committed before
     *                   (a fresh demo after a rehearsal); later rebalances resume from the commits
     */
    public ConsumerWorker(
            String name,
            Supplier<Consumer<byte[], byte[]>> clientFactory,
            String topic,
            RecordProcessor processor,
            Clock clock,
            Duration idleExit,
            boolean startAtEnd) {
        this.name = name;
        this.clientFactory = clientFactory;
        this.topic = topic;
        this.processor = processor;
        this.clock = clock;
        this.idleExit = idleExit;
        this.startAtEnd = startAtEnd;
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

    /** True once the group gave this worker its partitions (possibly none); false while it still waits. */
    public boolean joined() {
        return joined;
    }

    /**
     * After the worker stopped: records below the end offsets found at assignment that it never read
     * (0 when it read all it was given; -1 when it stopped before the group assigned it anything).
     */
    public long unreadAtStop() {
        return unreadAtStop;
    }

    @Override
    public void close() {
        closing = true;
        Consumer<byte[], byte[]> c = client;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null && thread != Thread.currentThread()) {
            try {
                if (!finished.await(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    log.warn("{} consumer did not stop within {} s", name, STOP_WAIT.toSeconds());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        Consumer<byte[], byte[]> consumer = null;
        try {
            consumer = clientFactory.get();
            client = consumer;
            if (closing) {
                return;
            }
            consumer.subscribe(List.of(topic), new Rebalance(consumer));
            loop(consumer);
            commitOnStop(consumer);
        } catch (WakeupException e) {
            if (!closing) {
                error = "woken up unexpectedly";
            }
        } catch (RuntimeException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
            log.error("{} consumer stopped: {}", name, error, e);
        } finally {
            unreadAtStop = consumer == null || !joined ? -1 : unread(consumer);
            try {
                processor.onStop();
            } catch (RuntimeException e) {
                log.warn("{} consumer: error while stopping: {}", name, e.getMessage());
            }
            closeClient(consumer);
            lagRecords = -1;
            finished.countDown();
        }
    }

    private void loop(Consumer<byte[], byte[]> consumer) {
        long idleSince = System.nanoTime();
        long nextTick = System.nanoTime();
        nextCommit = System.nanoTime() + COMMIT_EVERY_NANOS;
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
            long now = System.nanoTime();
            boolean idle = records.isEmpty();
            if (!idle) {
                process(records);
                idleSince = now;
            }
            // an empty poll means the worker has drained what was there: commit now rather than up to
            // a second later, so the group's committed offsets reach the end as soon as the work does
            if (now >= nextCommit || uncommittedRecords >= COMMIT_EVERY_RECORDS || (idle && !pending.isEmpty())) {
                commitAsync(consumer);
            }
            if (now >= nextTick) {
                updateLag(consumer);
                processor.onTick();
                nextTick = now + TICK_NANOS;
            }
            if (idleExit != null && idle) {
                // the idle clock runs only once the worker has read what it found at assignment: waiting
                // for a rebalance (e.g. for a dead member's session to expire) is not being idle
                if (!caughtUp(consumer)) {
                    idleSince = now;
                } else if (now - idleSince >= idleExit.toNanos()) {
                    log.info("{} consumer: caught up and no records for {} ms, exiting", name, idleExit.toMillis());
                    return;
                }
            }
        }
    }

    /**
     * Hands a poll's records to the processor in order. The bookkeeping is per partition, not per
     * record: the last offset of each partition, the count and the time of the last event.
     */
    private void process(ConsumerRecords<byte[], byte[]> records) {
        boolean timed = recordLog.enabled(); // timed only when the DEBUG line will be written
        long lastTimestamp = -1;
        for (TopicPartition tp : records.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> batch = records.records(tp);
            for (ConsumerRecord<byte[], byte[]> record : batch) {
                if (timed) {
                    long started = System.nanoTime();
                    processor.process(record);
                    recordLog.processed(record, System.nanoTime() - started);
                } else {
                    processor.process(record);
                }
            }
            if (!batch.isEmpty()) {
                ConsumerRecord<byte[], byte[]> last = batch.get(batch.size() - 1);
                pending.put(tp, last.offset() + 1);
                lastTimestamp = last.timestamp();
                processed.addAndGet(batch.size());
                uncommittedRecords += batch.size();
            }
        }
        if (lastTimestamp >= 0) {
            lastEventTime = Instant.ofEpochMilli(lastTimestamp);
        }
    }

    /** Joined, and at or past the end offsets found at assignment on every partition it owns (none owned: nothing to read). */
    private boolean caughtUp(Consumer<byte[], byte[]> consumer) {
        if (!joined) {
            return false;
        }
        Set<TopicPartition> assignment = consumer.assignment();
        for (TopicPartition tp : assignment) {
            Long target = targets.get(tp);
            if (target == null || consumer.position(tp) < target) {
                return false;
            }
        }
        return true;
    }

    private long unread(Consumer<byte[], byte[]> consumer) {
        long unread = 0;
        for (Map.Entry<TopicPartition, Long> e : targets.entrySet()) {
            try {
                unread += Math.max(0, e.getValue() - consumer.position(e.getKey(), Duration.ZERO));
            } catch (KafkaException | IllegalStateException ex) {
                unread += 1; // position unknown: the worker cannot prove it read that partition
            }
        }
        return unread;
    }

    /** Effects first, then the commit, which Kafka completes in the background of the next polls. */
    private void commitAsync(Consumer<byte[], byte[]> consumer) {
        nextCommit = System.nanoTime() + COMMIT_EVERY_NANOS;
        Map<TopicPartition, OffsetAndMetadata> offsets = offsetsToCommit();
        if (offsets.isEmpty()) {
            return;
        }
        consumer.commitAsync(offsets, (committed, e) -> {
            if (e != null) {
                // not fatal: the next commit covers these offsets; a restart re-reads at most those records
                log.warn("{} consumer: an offset commit failed ({}); the next one covers it", name, e.getMessage());
            }
        });
    }

    private void commitSync(Consumer<byte[], byte[]> consumer) {
        Map<TopicPartition, OffsetAndMetadata> offsets = offsetsToCommit();
        if (!offsets.isEmpty()) {
            consumer.commitSync(offsets, CLOSE_TIMEOUT);
        }
    }

    private void commitOnStop(Consumer<byte[], byte[]> consumer) {
        try {
            commitSync(consumer);
        } catch (WakeupException e) {
            commitSync(consumer); // close() woke the consumer while it was processing: the flag is cleared now
        }
    }

    private Map<TopicPartition, OffsetAndMetadata> offsetsToCommit() {
        if (pending.isEmpty()) {
            return Map.of();
        }
        processor.beforeCommit();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        pending.forEach((tp, offset) -> {
            if (offset > committedAtAssignment.getOrDefault(tp, -1L)) {
                offsets.put(tp, new OffsetAndMetadata(offset, processor.commitMetadata(tp)));
            }
        });
        pending.clear();
        uncommittedRecords = 0;
        return offsets;
    }

    private void closeClient(Consumer<byte[], byte[]> consumer) {
        if (consumer == null) {
            return;
        }
        try {
            consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
        } catch (RuntimeException e) {
            log.warn("{} consumer: error while closing: {}", name, e.getMessage());
        }
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
        lagSeconds = total == 0 || last == null
                ? 0
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
            if (!revoked.isEmpty()) {
                commitSync(consumer); // we still own them: the next owner starts where our effects end
            }
            forget(revoked);
        }

        /**
         * The partitions already belong to someone else (our session expired): committing now could move
         * the new owner's offsets, so the work not yet committed is dropped and will be redone there.
         */
        @Override
        public void onPartitionsLost(Collection<TopicPartition> lost) {
            log.warn(
                    "{} consumer lost {} without a clean hand-over; their uncommitted records will be read again",
                    name,
                    lost);
            forget(lost);
        }

        private void forget(Collection<TopicPartition> gone) {
            gone.forEach(tp -> {
                pending.remove(tp);
                committedAtAssignment.remove(tp);
                targets.remove(tp);
            });
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
            if (!assigned.isEmpty()) {
                Set<TopicPartition> fresh = new HashSet<>();
                for (TopicPartition tp : assigned) {
                    if (seen.add(tp) && startAtEnd) {
                        fresh.add(tp);
                    }
                }
                committed = new HashMap<>(consumer.committed(Set.copyOf(assigned)));
                committed.keySet().removeAll(fresh);
                committed.forEach((tp, om) -> {
                    if (om != null) {
                        committedAtAssignment.put(tp, om.offset());
                    }
                });
                if (!fresh.isEmpty()) {
                    consumer.seekToEnd(fresh);
                }
                processor.onAssigned(this, assigned);
                // resolve every position now, so "from the end" means the end at assignment, not at the first fetch
                assigned.forEach(consumer::position);
                targets.putAll(consumer.endOffsets(assigned));
            }
            partitions = consumer.assignment().size();
            joined = true;
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
            OffsetAndTimestamp found = consumer.offsetsForTimes(Map.of(partition, time.toEpochMilli()))
                    .get(partition);
            long offset = found != null ? found.offset() : consumer.position(partition);
            consumer.seek(partition, offset);
            return offset;
        }
    }
}
