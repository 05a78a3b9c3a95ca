package com.activitytracker.engine.cli;

import com.activitytracker.engine.producer.Delivery;
import com.activitytracker.engine.producer.ProducerStats;
import java.io.PrintStream;
import java.util.Locale;

/** The producer's console output, as the seed prints it. */
final class ProducerConsole {
    static final String RULE = "==========================================";
    private final PrintStream out;

    ProducerConsole(PrintStream out) {
        this.out = out;
    }

    void banner(String bootstrapServers, String topic, double rate) {
        out.println("🚀 User Activity Event Producer");
        out.println(RULE);
        out.printf(Locale.US, "Kafka: %s | Topic: %s | Target rate: %s%n", bootstrapServers, topic, formatRate(rate));
    }

    void progress(ProducerStats s) {
        out.printf(Locale.US, "📊 Events sent: %d | Rate: %.1f events/sec | Active sessions: %d%n",
                s.sent(), s.actualRate() > 0 ? s.actualRate() : s.averageRate(), s.activeSessions());
        Delivery d = s.lastDelivery();
        if (d != null) {
            out.printf(Locale.US, "✅ Delivered to %s [partition=%d] @ offset %d%n", d.topic(), d.partition(), d.offset());
        }
    }

    void finalStatistics(ProducerStats s) {
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
