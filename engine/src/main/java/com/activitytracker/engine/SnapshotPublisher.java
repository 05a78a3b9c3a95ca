package com.activitytracker.engine;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds an {@link EngineSnapshot} every 250 ms on its own thread, hands it to the listeners, logs a
 * one-line summary every 30 s, and wakes whoever waits for a condition on the figures (drain).
 */
final class SnapshotPublisher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SnapshotPublisher.class);
    private static final long PUBLISH_EVERY_MS = 250;
    private static final long SUMMARY_EVERY_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final Supplier<EngineSnapshot> source;
    private final Consumer<EngineSnapshot> sink;
    private final Object published = new Object();
    private final ScheduledExecutorService executor = EngineThreads.scheduler("engine-publisher");
    private volatile EngineSnapshot latest;
    private volatile boolean closed;
    private long lastSummary = System.nanoTime() - SUMMARY_EVERY_NANOS;

    SnapshotPublisher(Supplier<EngineSnapshot> source, Consumer<EngineSnapshot> sink) {
        this.source = source;
        this.sink = sink;
        executor.scheduleAtFixedRate(this::publish, 0, PUBLISH_EVERY_MS, TimeUnit.MILLISECONDS);
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

    private static void logSummary(EngineSnapshot s) {
        log.info("Metrics: sent={} delivered={} failed={} rate={}/s analysed={} checked={} alerts={} lag={} records "
                        + "e2e_p99={} ms revenue={}", s.producer().sent(), s.producer().delivered(), s.producer().failed(),
                Math.round(s.producer().actualRate()), s.analytics().eventsTotal(), s.fraudEventsChecked(), s.alertsTotal(),
                Math.max(0, s.analyticsConsumer().lagRecords()) + Math.max(0, s.fraudConsumer().lagRecords()),
                Math.round(s.endToEnd().p99Millis()), Math.round(s.analytics().revenueTotal()));
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
