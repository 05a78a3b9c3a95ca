package com.activitytracker.engine;

import com.activitytracker.engine.observability.Figures;
import com.activitytracker.engine.observability.RoleLog;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds an {@link EngineSnapshot} every 250 ms on its own thread, hands it to the listeners, logs a
 * one-line summary every 30 s, and wakes whoever waits for a condition on the figures (drain). The
 * first figures that count something are published as soon as they exist.
 */
final class SnapshotPublisher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SnapshotPublisher.class);
    private static final long PUBLISH_EVERY_MS = 250;
    private static final long WATCH_EVERY_MS = 20;
    private static final long SUMMARY_EVERY_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final Supplier<EngineSnapshot> source;
    private final Consumer<EngineSnapshot> sink;
    private final Object published = new Object();
    private final ScheduledExecutorService executor = EngineThreads.scheduler("engine-publisher");
    private volatile EngineSnapshot latest;
    /** The watch for the first counted events; cancelled once they are published. */
    private volatile ScheduledFuture<?> firstFiguresWatch;

    private boolean firstFiguresPublished;
    private volatile boolean closed;
    private final RoleLog summaryLog = new RoleLog("engine");
    /** The first summary comes after 30 s of figures, not at start when all are zero. */
    private long lastSummary = System.nanoTime();

    /**
     * @param anythingCounted a cheap check, made every {@value #WATCH_EVERY_MS} ms until it first holds, that
     *                        publishes a snapshot at once then: the first counted events reach the screen
     *                        without waiting up to a period for the next snapshot
     */
    SnapshotPublisher(Supplier<EngineSnapshot> source, Consumer<EngineSnapshot> sink, BooleanSupplier anythingCounted) {
        this(source, sink, anythingCounted, PUBLISH_EVERY_MS);
    }

    /** @param publishEveryMs the period of the snapshots (tests lengthen it to see the first figures' own) */
    SnapshotPublisher(
            Supplier<EngineSnapshot> source,
            Consumer<EngineSnapshot> sink,
            BooleanSupplier anythingCounted,
            long publishEveryMs) {
        this.source = source;
        this.sink = sink;
        executor.scheduleAtFixedRate(this::publish, 0, publishEveryMs, TimeUnit.MILLISECONDS);
        firstFiguresWatch = executor.scheduleAtFixedRate(
                () -> watchFirstFigures(anythingCounted), WATCH_EVERY_MS, WATCH_EVERY_MS, TimeUnit.MILLISECONDS);
    }

    /** The newest snapshot, or null before the first. */
    EngineSnapshot latest() {
        return latest;
    }

    /** Waits, re-checking after each snapshot, until the condition holds; false when the timeout passed or this closed. */
    boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (published) {
            while (!condition.getAsBoolean()) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0 || closed) {
                    return false;
                }
                published.wait(left);
            }
            return true;
        }
    }

    /** On the executor's one thread, as {@link #publish} is. */
    private void watchFirstFigures(BooleanSupplier anythingCounted) {
        if (firstFiguresPublished || !anythingCounted.getAsBoolean()) {
            return;
        }
        firstFiguresPublished = true;
        publish();
        ScheduledFuture<?> watch = firstFiguresWatch; // null only if this ran before the constructor returned
        if (watch != null) {
            watch.cancel(false);
        }
    }

    private void publish() {
        try {
            EngineSnapshot snapshot = source.get();
            latest = snapshot;
            synchronized (published) {
                published.notifyAll();
            }
            sink.accept(snapshot);
            long now = System.nanoTime();
            if (now - lastSummary >= SUMMARY_EVERY_NANOS) {
                lastSummary = now;
                logSummary(snapshot);
            }
        } catch (RuntimeException e) {
            log.warn("Could not publish a snapshot: {}", e.getMessage(), e);
        }
    }

    /** The figures as fields of one log line, so a log search can chart them. */
    private void logSummary(EngineSnapshot s) {
        Map<String, Object> figures = new LinkedHashMap<>(Figures.producer(s.producer()));
        figures.put("analysed", s.analytics().eventsTotal());
        figures.put("fraud_checked", s.fraudEventsChecked());
        figures.put("alerts", s.alertsTotal());
        figures.put(
                "lag_records",
                Math.max(0, s.analyticsConsumer().lagRecords())
                        + Math.max(0, s.fraudConsumer().lagRecords()));
        figures.put("e2e_p50_ms", RoleLog.round2(s.endToEnd().p50Millis()));
        figures.put("e2e_p99_ms", RoleLog.round2(s.endToEnd().p99Millis()));
        figures.put("revenue_total", RoleLog.round2(s.analytics().revenueTotal()));
        summaryLog.summary(figures);
    }

    @Override
    public void close() {
        closed = true;
        EngineThreads.shutdown(executor);
        synchronized (published) {
            published.notifyAll();
        }
    }
}
