package com.activitytracker.engine.cli;

import com.activitytracker.engine.consumer.ConsumerWorker;
import java.time.Duration;

/** Waits for a consumer to end by itself (idle exit, failure), for the duration, or for Ctrl+C. */
final class ConsumerRun {
    private static final Duration POLL = Duration.ofMillis(200);

    private ConsumerRun() {}

    static void awaitEnd(ConsumerWorker worker, StopSignal stop, Duration duration) throws InterruptedException {
        awaitEnd(worker, stop, duration, () -> {});
    }

    /** @param eachPoll runs on every check (progress logging) */
    static void awaitEnd(ConsumerWorker worker, StopSignal stop, Duration duration, Runnable eachPoll)
            throws InterruptedException {
        long deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
        while (worker.isRunning() && System.nanoTime() < deadline && !stop.await(POLL)) {
            // polling three ways to end: the worker's own exit, the duration, a stop signal
            eachPoll.run();
        }
        eachPoll.run();
    }
}
