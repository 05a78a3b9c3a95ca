package com.activitytracker.engine.consumer;

import com.activitytracker.engine.observability.RecordLog;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
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
 * {@link OffsetCommitter} does the commits, {@link PartitionProgress} knows what to commit and what is
 * left to read, and {@link PartitionHandOver} handles the group's rebalances.
 */
public final class ConsumerWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConsumerWorker.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    /** Kafka's default of 30 s (60 s for a commit) is what made a stop after a rebalance hang. */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private static final Duration STOP_WAIT = Duration.ofSeconds(15);

    private final String name;
    private final Supplier<Consumer<byte[], byte[]>> clientFactory;
    private final String topic;
    private final RecordProcessor processor;
    private final Duration idleExit;
    private final boolean startAtEnd;
    private final RecordLog recordLog;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicLong processed = new AtomicLong();
    private final ConsumerLag lag;
    private final PartitionProgress progress = new PartitionProgress();
    private volatile int partitions;
    private volatile String error;
    private volatile boolean closing;
    private volatile boolean joined;
    private volatile long unreadAtStop = -1;
    private volatile Consumer<byte[], byte[]> client;
    private Thread thread;

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
        this.lag = new ConsumerLag(clock);
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
        return new ConsumerStats(name, processed.get(), lag.records(), lag.seconds(), partitions, isRunning(), error);
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
            OffsetCommitter commits = new OffsetCommitter(name, consumer, processor, progress, CLOSE_TIMEOUT);
            consumer.subscribe(
                    List.of(topic),
                    new PartitionHandOver(name, consumer, processor, progress, commits, startAtEnd, this::onJoined));
            loop(consumer, commits);
            commits.commitOnStop();
        } catch (WakeupException e) {
            if (!closing) {
                error = "woken up unexpectedly";
            }
        } catch (RuntimeException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
            log.error("{} consumer stopped: {}", name, error, e);
        } finally {
            unreadAtStop = consumer == null || !joined ? -1 : progress.unread(consumer);
            try {
                processor.onStop();
            } catch (RuntimeException e) {
                log.warn("{} consumer: error while stopping: {}", name, e.getMessage());
            }
            closeClient(consumer);
            lag.unknown();
            finished.countDown();
        }
    }

    private void loop(Consumer<byte[], byte[]> consumer, OffsetCommitter commits) {
        long idleSince = System.nanoTime();
        long nextTick = System.nanoTime();
        boolean readAny = false;
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
            boolean first = false;
            if (!idle) {
                process(records);
                idleSince = now;
                first = !readAny;
                readAny = true;
            }
            if (commits.due(now, idle)) {
                commits.commitAsync();
            }
            // the first records are published at once rather than up to a tick later: on a launch they
            // are the first figures the console shows
            if (now >= nextTick || first) {
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
                progress.processed(tp, last.offset() + 1, batch.size());
                lastTimestamp = last.timestamp();
                processed.addAndGet(batch.size());
            }
        }
        if (lastTimestamp >= 0) {
            lag.lastEventAt(lastTimestamp);
        }
    }

    /** Joined, and at or past the end offsets found at assignment on every partition it owns (none owned: nothing to read). */
    private boolean caughtUp(Consumer<byte[], byte[]> consumer) {
        return joined && progress.caughtUp(consumer);
    }

    /** The group gave this worker its partitions, {@code owned} of them (possibly none). */
    private void onJoined(int owned) {
        partitions = owned;
        joined = true;
    }

    private void updateLag(Consumer<byte[], byte[]> consumer) {
        Set<TopicPartition> assignment = consumer.assignment();
        partitions = assignment.size();
        lag.update(consumer, assignment);
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
}
