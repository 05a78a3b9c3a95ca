package com.activitytracker.engine;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The engine's start, run once on a thread of its own so that {@link Engine#start()} returns at
 * once: the steps run there, a failure goes to its handler, and {@link #await} tells a caller who
 * waits when it is over either way. Closing joins the thread, so a broker is never stopped half-started.
 */
final class StartSequence {
    /** The start's steps; any exception they throw is a failed start. */
    interface Steps {
        void run() throws InterruptedException;
    }

    private final CountDownLatch over = new CountDownLatch(1);
    private Thread thread;

    synchronized void begin(Steps steps, Consumer<Exception> onFailure) {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        thread = EngineThreads.daemon(() -> run(steps, onFailure), "engine-start");
        thread.start();
    }

    /** True once the start has succeeded or failed, false if it is still under way at the timeout. */
    boolean await(Duration timeout) throws InterruptedException {
        return over.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits for a start under way to finish; returns at once if none was begun. */
    void join() {
        Thread t;
        synchronized (this) {
            t = thread;
        }
        EngineThreads.join(t);
    }

    private void run(Steps steps, Consumer<Exception> onFailure) {
        try {
            steps.run();
        } catch (RuntimeException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            onFailure.accept(e);
        } finally {
            over.countDown();
        }
    }
}
