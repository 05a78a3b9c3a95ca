package com.activitytracker.engine.cli;

import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.kafka.KafkaClientFactory;
import com.activitytracker.engine.observability.AlreadyPrinted;
import com.activitytracker.engine.observability.Figures;
import com.activitytracker.engine.observability.ReportPace;
import com.activitytracker.engine.observability.RoleLog;
import com.activitytracker.engine.producer.ActivityProducer;
import com.activitytracker.engine.producer.GeneratedTraffic;
import com.activitytracker.engine.producer.ProducerStats;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One producer run on the console, shared by {@code produce} and {@code run}. */
final class ProducerSession {
    private static final Logger log = LoggerFactory.getLogger(ProducerSession.class);
    private static final Duration POLL = Duration.ofMillis(200);
    /** Kafka answers a healthy send within a second; silence this long is worth telling the user. */
    static final Duration WAIT_REPORT_AFTER = Duration.ofSeconds(3);

    private static final Duration WAIT_REPORT_EVERY = Duration.ofSeconds(5);

    private ProducerSession() {}

    /** Runs a producer until {@code --events} are sent, the duration ends or Ctrl+C; prints the classic producer lines. */
    static ProducerStats run(
            ProducerOptions producerOptions,
            Settings settings,
            KafkaClientFactory clients,
            MeterRegistry registry,
            PrintStream out,
            Duration duration)
            throws InterruptedException {
        ProducerConsole console = new ProducerConsole(out);
        long seed = producerOptions.seed != null ? producerOptions.seed : System.nanoTime();
        GeneratedTraffic traffic = new GeneratedTraffic(seed);
        RoleLog roleLog = new RoleLog("produce");
        ReportPace pace = new ReportPace(ReportPace.TERMINAL);
        roleLog.started(
                settings,
                Map.of("seed", seed, "events", producerOptions.events == null ? "unlimited" : producerOptions.events));
        ActivityProducer producer = ActivityProducer.builder(
                        () -> instrumented(clients.producer("activity-producer"), registry),
                        settings.activitiesTopic(),
                        traffic)
                .rate(settings.eventsPerSecond())
                .maxEvents(producerOptions.events == null ? 0 : producerOptions.events)
                .onProgress(settings.statsInterval(), stats -> {
                    if (pace.admit()) {
                        console.progress(stats);
                        roleLog.progress(Figures.producer(stats));
                    }
                })
                .registry(registry)
                .build();
        console.banner(clients.bootstrapServers(), settings.activitiesTopic(), settings.eventsPerSecond());
        StopSignal stop = new StopSignal();
        try {
            producer.start();
            long deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
            Duration attackEvery = producerOptions.attackEvery(Duration.ZERO);
            long nextAttack = attackEvery.isZero() ? Long.MAX_VALUE : System.nanoTime() + attackEvery.toNanos();
            int attacks = 0;
            OutageReport outage = new OutageReport(console, clients.bootstrapServers());
            while (producer.isRunning() && System.nanoTime() < deadline && !stop.await(POLL)) {
                outage.check(producer.waitingForKafka(), producer.inFlight());
                if (System.nanoTime() >= nextAttack) {
                    var injected = traffic.inject(Attacks.next(attacks++), java.time.Instant.now());
                    out.printf("🎯 Injected %s as %s%n", injected.scenario().displayName(), injected.userId());
                    nextAttack += attackEvery.toNanos();
                }
            }
            producer.close();
            ProducerStats stats = producer.stats();
            console.finalStatistics(stats);
            roleLog.finished(Figures.producer(stats));
            return stats;
        } finally {
            stop.done();
        }
    }

    /** Tells the user, every few seconds, that the producer is waiting for Kafka, and when it is back. */
    private static final class OutageReport {
        private final ProducerConsole console;
        private final String bootstrapServers;
        private Duration nextReportAt = WAIT_REPORT_AFTER;
        private Duration longest = Duration.ZERO;

        OutageReport(ProducerConsole console, String bootstrapServers) {
            this.console = console;
            this.bootstrapServers = bootstrapServers;
        }

        void check(Duration waiting, long kept) {
            if (waiting.compareTo(nextReportAt) >= 0) {
                console.waitingForKafka(bootstrapServers, waiting, kept);
                log.warn(
                        AlreadyPrinted.MARKER,
                        "Waiting for Kafka at {} for {} s; {} events kept",
                        bootstrapServers,
                        waiting.toSeconds(),
                        kept);
                longest = waiting;
                nextReportAt = waiting.plus(WAIT_REPORT_EVERY);
            } else if (waiting.compareTo(WAIT_REPORT_AFTER) < 0 && !longest.isZero()) {
                console.kafkaBack(longest);
                log.info(
                        AlreadyPrinted.MARKER,
                        "Kafka at {} answered again after about {} s",
                        bootstrapServers,
                        longest.toSeconds());
                longest = Duration.ZERO;
                nextReportAt = WAIT_REPORT_AFTER;
            }
        }
    }

    private static KafkaProducer<String, byte[]> instrumented(
            KafkaProducer<String, byte[]> producer, MeterRegistry registry) {
        new KafkaClientMetrics(producer).bindTo(registry);
        return producer;
    }
}
