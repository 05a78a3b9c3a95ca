package com.activitytracker.engine.observability;

import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.event.ActivityEventCodec;
import com.activitytracker.engine.kafka.KafkaClientFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The records behind the console's Kafka view: one thread of its own tails the activities, alerts
 * and dead-letter topics with a consumer that belongs to no group (assign and seek, nothing
 * committed, so the live consumers never rebalance or move), reads the consumer groups' lag with an
 * admin client every {@link #LAGS_EVERY}, and hands the newest records to {@code sink} in batches,
 * at most every {@link #BATCH_EVERY}. It also sends a corrected dead letter back to the activities
 * topic, validated first with the consumers' own codec ({@link DeadLetterRepair}). The thread owns
 * every client it opens and closes them when {@link #close()} is called.
 *
 * <p>This class runs that thread; its jobs are {@link LiveTail} (where the consumer reads),
 * {@link NextBatch} (what the next batch holds), {@link GroupLagReader} (the groups' lag) and
 * {@link Outbox} (the records sent back).
 */
public final class KafkaInspector implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KafkaInspector.class);

    /** At most this many records of a live topic per batch: the newest; the rest are counted only. */
    public static final int MAX_PER_BATCH = 60;
    /** Dead letters are few and each matters: a batch holds up to this many. */
    public static final int MAX_DEAD_LETTERS_PER_BATCH = 500;

    public static final Duration BATCH_EVERY = Duration.ofMillis(500);
    public static final Duration LAGS_EVERY = Duration.ofSeconds(2);

    private static final Duration POLL = Duration.ofMillis(100);

    /** A correction the codec refuses: nothing was sent. */
    public static final class InvalidCorrectionException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public InvalidCorrectionException(String reason) {
            super(reason);
        }
    }

    private final KafkaClientFactory clients;
    private final String activities;
    private final String alerts;
    private final String deadLetters;
    private final Consumer<InspectorBatch> sink;
    private final InspectedRecords inspected;
    private final ActivityEventCodec codec = new ActivityEventCodec();
    private final Outbox outbox;
    private final AtomicBoolean rewind = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread thread;
    private volatile String filter = "";
    private volatile boolean paused;
    private volatile boolean closed;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private boolean started;

    /**
     * @param settings the settings in use, with the bootstrap servers of the running cluster
     * @param sink     receives the batches on the reader's thread; it must hand them on quickly
     */
    public KafkaInspector(Settings settings, Consumer<InspectorBatch> sink) {
        this.clients = new KafkaClientFactory(settings);
        this.activities = settings.activitiesTopic();
        this.alerts = settings.alertsTopic();
        this.deadLetters = settings.dlqTopic();
        this.sink = Objects.requireNonNull(sink);
        this.inspected = new InspectedRecords(alerts, deadLetters);
        this.outbox = new Outbox(clients, activities);
        this.thread = new Thread(this::run, "kafka-view-reader");
        thread.setDaemon(true);
        // it reads for a view: when the cores are busy, whatever draws the records goes first (its
        // consumer's heartbeat thread inherits this)
        thread.setPriority(Thread.MIN_PRIORITY);
    }

    public String activitiesTopic() {
        return activities;
    }

    public String alertsTopic() {
        return alerts;
    }

    public String deadLettersTopic() {
        return deadLetters;
    }

    /** Starts the reader's thread; returns at once. */
    public synchronized void start() {
        if (started || closed) {
            throw new IllegalStateException("a Kafka view reader starts once");
        }
        started = true;
        thread.start();
    }

    /** Only records whose key (the user id) contains this text; blank for all. Looks back for that user's records. */
    public void filter(String userId) {
        String f = userId == null ? "" : userId.strip();
        if (!f.equals(filter)) {
            filter = f;
            rewind.set(true);
        }
    }

    /** While paused nothing is read; on resume the reader carries on where it stopped (or jumps to the tail). */
    public void pause(boolean pause) {
        paused = pause;
        LockSupport.unpark(thread);
    }

    /** Why a corrected value would be refused by the consumers, or empty when it is a valid activity event. */
    public Optional<String> check(InspectedRecord letter, byte[] corrected) {
        ConsumerRecord<byte[], byte[]> r =
                new ConsumerRecord<>(letter.topic(), letter.partition(), letter.offset(), letter.rawKey(), corrected);
        DeadLetterRepair.Verdict verdict = new DeadLetterRepair(codec).check(DeadLetter.of(r));
        return verdict.valid() ? Optional.empty() : Optional.of(verdict.stillInvalid());
    }

    /**
     * Sends a corrected dead letter to the activities topic with its original key and headers (not the
     * {@code dlq.*} ones) and {@code dlq.replayed.from}; completes with where it landed
     * ({@code topic/partition@offset}). An invalid correction completes exceptionally with
     * {@link InvalidCorrectionException} and sends nothing.
     */
    public CompletableFuture<String> resend(InspectedRecord letter, byte[] corrected) {
        if (letter.deadLetter().isEmpty()) {
            return CompletableFuture.failedFuture(
                    new IllegalArgumentException(letter.place() + " is not a dead letter"));
        }
        Optional<String> invalid = check(letter, corrected);
        if (invalid.isPresent()) {
            return CompletableFuture.failedFuture(new InvalidCorrectionException(invalid.get()));
        }
        return enqueue(OutgoingRecord.correction(letter, corrected));
    }

    /**
     * For a demonstration: sends a purchase without an amount for {@code userId} to the activities
     * topic; both consumers refuse it, so it shows up twice in the dead-letter topic, ready to be
     * corrected. Completes with where it landed.
     */
    public CompletableFuture<String> sendBrokenPurchase(String userId) {
        return enqueue(OutgoingRecord.brokenPurchase(userId));
    }

    private CompletableFuture<String> enqueue(OutgoingRecord send) {
        outbox.add(send);
        if (closed || stopped.getCount() == 0) {
            outbox.failQueued();
        }
        LockSupport.unpark(thread);
        return send.result();
    }

    /** Stops the reader; its thread closes the consumer, the admin client and the producer. Returns at once. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        LockSupport.unpark(thread);
        if (!started) {
            stopped.countDown();
        }
    }

    /** Waits until the thread has closed its clients; true when it has. */
    public boolean awaitClosed(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isClosed() {
        return stopped.getCount() == 0;
    }

    /** One record as the view shows it (public for tests). */
    public InspectedRecord inspect(ConsumerRecord<byte[], byte[]> r) {
        return inspected.of(r);
    }

    // ---- The reader's thread --------------------------------------------------------------------

    private void run() {
        log.info("Kafka view reading {}, {} and {}", activities, alerts, deadLetters);
        try (KafkaConsumer<byte[], byte[]> c = clients.reader("activity-tracker-kafka-view");
                Admin admin = clients.admin()) {
            consumer = c;
            if (closed) {
                return;
            }
            LiveTail tail = LiveTail.open(c, List.of(activities, alerts, deadLetters), deadLetters);
            GroupLagReader lags = new GroupLagReader(admin, c, Set.of(activities, alerts, deadLetters));
            NextBatch batch = new NextBatch(inspected, deadLetters);
            long nextBatch = System.nanoTime();
            long nextLags = nextBatch;
            while (!closed) {
                outbox.sendQueued();
                if (rewind.getAndSet(false)) {
                    batch.dropRecords();
                    tail.rewind(!filter.isEmpty());
                }
                if (paused) {
                    LockSupport.parkNanos(POLL.toNanos());
                } else {
                    String f = filter;
                    batch.add(tail.poll(POLL), f);
                }
                long now = System.nanoTime();
                if (now >= nextLags) {
                    try {
                        batch.lags(lags.read());
                    } catch (ExecutionException | TimeoutException e) {
                        batch.problem("Could not read the consumer groups: " + rootMessage(e));
                    }
                    nextLags = now + LAGS_EVERY.toNanos();
                }
                if (now >= nextBatch) {
                    if (batch.hasNews()) {
                        sink.accept(batch.take());
                    }
                    tail.nextBatch(filter.isEmpty() && !paused);
                    nextBatch = now + BATCH_EVERY.toNanos();
                }
            }
        } catch (WakeupException e) {
            // close() woke the consumer: stopping
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!closed) {
                log.warn("Kafka view reader stopped: {}", e.toString());
                sink.accept(new InspectorBatch(
                        Map.of(), Map.of(), Optional.empty(), Optional.of("Reading stopped: " + rootMessage(e))));
            }
        } finally {
            consumer = null;
            try {
                outbox.close();
            } finally {
                // even when closing the producer throws (it does when this thread is interrupted), the
                // view counts as closed and no queued send waits forever
                stopped.countDown();
                outbox.failQueued();
                log.info("Kafka view reader closed");
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
