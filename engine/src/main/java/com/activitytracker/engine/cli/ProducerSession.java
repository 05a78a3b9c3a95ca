package com.activitytracker.engine.cli;

import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.kafka.KafkaClientFactory;
import com.activitytracker.engine.producer.ActivityProducer;
import com.activitytracker.engine.producer.GeneratedTraffic;
import com.activitytracker.engine.producer.ProducerStats;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.io.PrintStream;
import java.time.Duration;
import org.apache.kafka.clients.producer.KafkaProducer;

/** One producer run on the console, shared by {@code produce} and {@code run}. */
final class ProducerSession {
    private static final Duration POLL = Duration.ofMillis(200);

    private ProducerSession() {}

    /** Runs a producer until {@code --events} are sent, the duration ends or Ctrl+C; prints as the seed does. */
    static ProducerStats run(ProducerOptions producerOptions, Settings settings, KafkaClientFactory clients, MeterRegistry registry, PrintStream out,
                          Duration duration) throws InterruptedException {
        ProducerConsole console = new ProducerConsole(out);
        long seed = producerOptions.seed != null ? producerOptions.seed : System.nanoTime();
        ActivityProducer producer = ActivityProducer.builder(() -> instrumented(clients.producer("activity-producer"), registry),
                        settings.activitiesTopic(), new GeneratedTraffic(seed))
                .rate(settings.eventsPerSecond())
                .maxEvents(producerOptions.events == null ? 0 : producerOptions.events)
                .onProgress(settings.statsInterval(), console::progress)
                .registry(registry)
                .build();
        console.banner(clients.bootstrapServers(), settings.activitiesTopic(), settings.eventsPerSecond());
        StopSignal stop = new StopSignal();
        try {
            producer.start();
            long deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
            while (producer.isRunning() && System.nanoTime() < deadline && !stop.await(POLL)) {
                // waiting for the producer to finish, the duration to end or Ctrl+C
            }
            producer.close();
            ProducerStats stats = producer.stats();
            console.finalStatistics(stats);
            return stats;
        } finally {
            stop.done();
        }
    }

    private static KafkaProducer<String, byte[]> instrumented(KafkaProducer<String, byte[]> producer, MeterRegistry registry) {
        new KafkaClientMetrics(producer).bindTo(registry);
        return producer;
    }
}
