package com.activitytracker.engine;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** How the engine makes and stops its background threads: named, daemon, and stopped within a bound. */
final class EngineThreads {
    private static final Logger log = LoggerFactory.getLogger(EngineThreads.class);
    private static final long STOP_WITHIN_SECONDS = 5;

    private EngineThreads() {}

    static ScheduledExecutorService scheduler(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> daemon(r, name));
    }

    static Thread daemon(Runnable task, String name) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        return t;
    }

    static void shutdown(ExecutorService executor) {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(STOP_WITHIN_SECONDS, TimeUnit.SECONDS)) {
                log.warn("An engine thread did not stop within {} s", STOP_WITHIN_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes and logs a failure instead of throwing: one part that fails to stop must not keep the rest open. */
    static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            log.warn("Error while stopping {}: {}", closeable.getClass().getSimpleName(), e.getMessage());
        }
    }

    /** Waits for a thread to end (at most 30 s); returns at once for none or the current one. */
    static void join(Thread t) {
        if (t == null || t == Thread.currentThread()) {
            return;
        }
        try {
            t.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
