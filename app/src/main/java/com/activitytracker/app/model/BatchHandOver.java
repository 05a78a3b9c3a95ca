package com.activitytracker.app.model;

import com.activitytracker.engine.observability.InspectorBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The way the Kafka view's batches cross from the reader's thread to the FX thread: queued as they come,
 * and handed over together, at most once per interval, never one hand-over per batch or per record. Each
 * reader gets a sink of its own; once it is closed or replaced, what it still sends is dropped, so a
 * hand-over asked for earlier never applies records of a reader that is gone. It is its own class because
 * it is the one part of the view that two threads touch.
 */
final class BatchHandOver {
    private final Executor ui;
    private final long everyNanos;
    private final Consumer<List<InspectorBatch>> apply;

    private final Object lock = new Object();
    private List<InspectorBatch> inbox = new ArrayList<>();
    private boolean drainScheduled;
    private long lastDrain;
    private int generation;

    /**
     * @param ui    runs on the FX thread (Platform::runLater in the app)
     * @param every at most one hand-over to {@code ui} per this interval
     * @param apply receives the batches queued since the last hand-over (never none), on {@code ui}
     */
    BatchHandOver(Executor ui, Duration every, Consumer<List<InspectorBatch>> apply) {
        this.ui = Objects.requireNonNull(ui);
        this.apply = Objects.requireNonNull(apply);
        this.everyNanos = every.toNanos();
        this.lastDrain = System.nanoTime() - everyNanos;
    }

    /** The sink for a new reader; what is queued, and whatever earlier readers still send, is dropped. */
    Consumer<InspectorBatch> newReader() {
        int gen;
        synchronized (lock) {
            gen = ++generation;
            inbox.clear();
        }
        return batch -> receive(gen, batch);
    }

    /** The reader is closed: what is queued, and whatever it still sends, is dropped. */
    void endReader() {
        synchronized (lock) {
            generation++; // batches still on their way are dropped
            inbox.clear();
        }
    }

    /** Drops what is queued (read under a filter just replaced); the reader's next batches still come. */
    void dropQueued() {
        synchronized (lock) {
            inbox.clear();
        }
    }

    /**
     * Called on the reader's thread: queues the batch and asks {@code ui} for one drain at a time, no
     * sooner than the interval after the last (the wait on the JDK's shared delay thread).
     */
    private void receive(int gen, InspectorBatch batch) {
        long wait;
        synchronized (lock) {
            if (gen != generation) {
                return;
            }
            inbox.add(batch);
            if (drainScheduled) {
                return;
            }
            drainScheduled = true;
            wait = lastDrain + everyNanos - System.nanoTime();
        }
        if (wait <= 0) {
            ui.execute(this::drain);
        } else {
            CompletableFuture.delayedExecutor(wait, TimeUnit.NANOSECONDS, ui).execute(this::drain);
        }
    }

    /**
     * Applies what is queued. Only batches of the reader open now are queued: a new reader, closing and
     * a new filter empty the queue, so a drain asked for earlier finds nothing stale.
     */
    private void drain() {
        List<InspectorBatch> batches;
        synchronized (lock) {
            batches = inbox;
            inbox = new ArrayList<>();
            drainScheduled = false;
            lastDrain = System.nanoTime();
        }
        if (!batches.isEmpty()) {
            apply.accept(batches);
        }
    }
}
