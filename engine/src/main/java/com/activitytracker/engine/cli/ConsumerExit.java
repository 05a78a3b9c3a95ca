package com.activitytracker.engine.cli;

import com.activitytracker.engine.consumer.ConsumerWorker;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The exit code of a consumer role: 0 only when it stopped without an error and had read every record
 * it found waiting on its partitions when it got them, so a script that trusts exit 0 loses nothing.
 */
final class ConsumerExit {
    private ConsumerExit() {}

    /** Prints one line saying why when the run did not do its whole job, and returns the exit code. */
    static int code(String role, ConsumerWorker worker, PrintStream out) {
        String error = worker.stats().error();
        long unread = worker.unreadAtStop();
        if (error != null) {
            out.println("⚠️  " + role + " consumer error: " + error);
            return 1;
        }
        if (unread < 0) {
            out.println("⚠️  " + role + " consumer stopped before Kafka gave it any partition: nothing was read");
            return 1;
        }
        if (unread > 0) {
            out.printf(
                    Locale.US,
                    "⚠️  %s consumer stopped with %,d records it was started to read still unread%n",
                    role,
                    unread);
            return 1;
        }
        return 0;
    }
}
