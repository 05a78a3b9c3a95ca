package com.activitytracker.engine.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets a command wait for Ctrl+C (or another stop) and then finish its own shutdown: the JVM's
 * shutdown hook only signals and waits until the command says it is done, so final statistics
 * still print and Kafka clients close cleanly.
 */
final class StopSignal {
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch cleanedUp = new CountDownLatch(1);
    private final Thread hook;

    StopSignal() {
        hook = new Thread(
                () -> {
                    stopRequested.countDown();
                    try {
                        cleanedUp.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "shutdown-signal");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    void requestStop() {
        stopRequested.countDown();
    }

    boolean isStopRequested() {
        return stopRequested.getCount() == 0;
    }

    /** @return true if a stop was requested within the timeout (null: wait forever) */
    boolean await(Duration timeout) throws InterruptedException {
        if (timeout == null) {
            stopRequested.await();
            return true;
        }
        return stopRequested.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Called once the command has cleaned up; lets a pending JVM shutdown proceed. */
    void done() {
        cleanedUp.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is running and has just been released
        }
    }
}
