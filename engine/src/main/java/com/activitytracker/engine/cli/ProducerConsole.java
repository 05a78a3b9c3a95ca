package com.activitytracker.engine.cli;

import com.activitytracker.engine.producer.Delivery;
import com.activitytracker.engine.producer.ProducerStats;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/** The producer's console output, in the classic terminal format. */
final class ProducerConsole {
    static final String RULE = "==========================================";
    private final PrintStream out;
    /** The delivery line printed last: a progress line repeats it only when a newer report came back. */
    private Delivery printedDelivery;

    ProducerConsole(PrintStream out) {
        this.out = out;
    }

    void banner(String bootstrapServers, String topic, double rate) {
        out.println("🚀 User Activity Event Producer");
        out.println(RULE);
        out.printf(Locale.US, "Kafka: %s | Topic: %s | Target rate: %s%n", bootstrapServers, topic, formatRate(rate));
    }

    /**
     * The progress line, then the newest delivery report if one came back since the last line: with
     * batching (linger) the first reports may trail the first progress line, and between two progress
     * lines there may be none. The final statistics always show the newest one.
     */
    synchronized void progress(ProducerStats s) {
        out.printf(
                Locale.US,
                "📊 Events sent: %d | Rate: %.1f events/sec | Active sessions: %d%n",
                s.sent(),
                s.actualRate() > 0 ? s.actualRate() : s.averageRate(),
                s.activeSessions());
        printDelivery(s.lastDelivery());
    }

    private void printDelivery(Delivery d) {
        if (d != null && !d.equals(printedDelivery)) {
            out.printf(
                    Locale.US, "✅ Delivered to %s [partition=%d] @ offset %d%n", d.topic(), d.partition(), d.offset());
            printedDelivery = d;
        }
    }

    /** Kafka has not acknowledged anything for {@code waited}: the events are kept, not lost. */
    synchronized void waitingForKafka(String bootstrapServers, Duration waited, long kept) {
        out.printf(
                Locale.US,
                "⏳ Waiting for Kafka at %s (%d s)… %d events kept, to be sent when it is back%n",
                bootstrapServers,
                waited.toSeconds(),
                kept);
    }

    synchronized void kafkaBack(Duration waited) {
        out.printf(Locale.US, "✅ Kafka answered again after %d s; sending resumed%n", waited.toSeconds());
    }

    synchronized void finalStatistics(ProducerStats s) {
        printDelivery(s.lastDelivery());
        out.println();
        out.println("📊 Final Statistics");
        out.println(RULE);
        out.printf(Locale.US, "Total events sent: %d%n", s.sent());
        out.printf(Locale.US, "Successful deliveries: %d%n", s.delivered());
        out.printf(Locale.US, "Failed deliveries: %d%n", s.failed());
        out.printf(Locale.US, "Average rate: %.1f events/second%n", s.averageRate());
        out.printf(Locale.US, "Elapsed: %.2f s%n", s.elapsed().toNanos() / 1e9);
        if (s.error() != null) {
            out.println("⚠️  Producer error: " + s.error());
        }
    }

    static String formatRate(double rate) {
        if (Double.isInfinite(rate)) {
            return "max (as fast as possible)";
        }
        return rate == 0 ? "0 (paused)" : String.format(Locale.US, "%.1f events/sec", rate);
    }
}
