package com.activitytracker.engine.cli;

import com.activitytracker.engine.Engine;
import com.activitytracker.engine.EngineListener;
import com.activitytracker.engine.EngineSnapshot;
import com.activitytracker.engine.EngineStatus;
import com.activitytracker.engine.analytics.AnalyticsConsoleReport;
import com.activitytracker.engine.analytics.AnalyticsReportJson;
import com.activitytracker.engine.analytics.AnalyticsSnapshot;
import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.fraud.FraudAlert;
import com.activitytracker.engine.fraud.FraudAlertConsoleFormat;
import com.activitytracker.engine.kafka.KafkaUnavailableException;
import com.activitytracker.engine.observability.Figures;
import com.activitytracker.engine.observability.MetricsExport;
import com.activitytracker.engine.observability.ReportPace;
import com.activitytracker.engine.observability.RoleLog;
import com.activitytracker.engine.producer.ProducerStats;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description =
                "Producer, analytics and fraud detection in one process; starts an embedded Kafka broker unless KAFKA_BOOTSTRAP_SERVERS is set.")
final class RunCommand extends SettingsCommand {
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);

    @Mixin
    KafkaOptions kafka;

    @Mixin
    ProducerOptions producerOptions;

    @Mixin
    RunOptions run;

    @Mixin
    MetricsOptions metricsOptions;

    @Option(
            names = "--report-json",
            paramLabel = "FILE",
            description = "write the final analytics report there on exit")
    Path reportJson;

    @Override
    protected void addOverrides(Map<String, String> overrides) {
        kafka.addTo(overrides);
        producerOptions.addTo(overrides);
        run.addTo(overrides);
        metricsOptions.addTo(overrides);
    }

    @Override
    protected Path envFile() {
        return kafka.envFile;
    }

    @Override
    public Integer call() throws Exception {
        if (producerOptions.events != null && producerOptions.events < 1) {
            throw new ParameterException(
                    spec.commandLine(), "--events must be a positive number, got " + producerOptions.events);
        }
        Duration duration = run.durationOrNull();
        Duration attacks = producerOptions.attackEvery(Duration.ofSeconds(30));
        Settings settings = loadSettings();
        PrintStream out = out();
        long seed = producerOptions.seed != null ? producerOptions.seed : System.nanoTime();
        StopSignal stop = new StopSignal();
        RoleLog roleLog = new RoleLog("run");
        try (MetricsExport metrics = MetricsOptions.start("run", settings, true, out);
                Engine engine = new Engine(settings, Clock.systemUTC(), metrics.registry(), seed)) {
            roleLog.started(settings, Map.of("seed", seed));
            if (producerOptions.events != null) {
                engine.limitEvents(producerOptions.events);
            }
            ConsoleListener console = new ConsoleListener(out);
            engine.subscribe(console);
            engine.subscribe(new EngineListener() {
                private final ReportPace pace = new ReportPace(ReportPace.TERMINAL);

                @Override
                public void onProducerProgress(ProducerStats stats) {
                    if (pace.admit()) {
                        roleLog.progress(Figures.producer(stats));
                    }
                }
            });
            out.println(
                    settings.usesEmbeddedBroker()
                            ? "⏳ Starting the embedded Kafka broker..."
                            : "⏳ Connecting to Kafka at "
                                    + settings.bootstrapServers().orElseThrow() + "...");
            try {
                engine.startAndAwait(START_TIMEOUT);
            } catch (com.activitytracker.engine.EngineStartException e) {
                throw new KafkaUnavailableException(e.getMessage());
            }
            new ProducerConsole(out)
                    .banner(
                            engine.effectiveSettings().bootstrapServers().orElseThrow(),
                            settings.activitiesTopic(),
                            settings.eventsPerSecond());
            awaitEnd(engine, stop, duration, attacks);
            EngineSnapshot last = engine.drain(DRAIN_TIMEOUT);
            printSummary(out, last);
            if (last != null) {
                Map<String, Object> figures = new LinkedHashMap<>(Figures.producer(last.producer()));
                figures.putAll(Figures.analytics(last.analytics()));
                figures.put("fraud_events_checked", last.fraudEventsChecked());
                figures.put("alerts_total", last.alertsTotal());
                roleLog.finished(figures);
            }
            if (reportJson != null && last != null) {
                new AnalyticsReportJson().write(last.analytics(), reportJson);
                out.println("📝 Report written to " + reportJson.toAbsolutePath());
            }
            return last != null && last.producer().error() == null ? 0 : 1;
        } finally {
            stop.done();
        }
    }

    private static void awaitEnd(Engine engine, StopSignal stop, Duration duration, Duration attackEvery)
            throws InterruptedException {
        long deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
        long nextAttack = attackEvery.isZero() ? Long.MAX_VALUE : System.nanoTime() + attackEvery.toNanos();
        int attack = 0;
        while (!engine.producerFinished() && System.nanoTime() < deadline && !stop.await(POLL)) {
            if (System.nanoTime() >= nextAttack) {
                engine.inject(Attacks.next(attack++));
                nextAttack += attackEvery.toNanos();
            }
        }
    }

    private static void printSummary(PrintStream out, EngineSnapshot s) {
        if (s == null) {
            return;
        }
        new ProducerConsole(out).finalStatistics(s.producer());
        out.println();
        out.println(new AnalyticsConsoleReport().render(s.analytics()));
        out.printf(
                Locale.US,
                "🚨 Fraud alerts: %d %s | end-to-end latency p50 %.0f ms, p99 %.0f ms%n",
                s.alertsTotal(),
                s.alertsBySeverity(),
                s.endToEnd().p50Millis(),
                s.endToEnd().p99Millis());
    }

    /** Prints what the three single-role terminals print, interleaved in one. */
    private static final class ConsoleListener implements EngineListener {
        private final PrintStream out;
        private final ProducerConsole producer;
        private final AnalyticsConsoleReport analytics = new AnalyticsConsoleReport();
        private final ReportPace progressPace = new ReportPace(ReportPace.TERMINAL);
        private final ReportPace reportPace = new ReportPace(ReportPace.TERMINAL);
        private final FraudAlertConsoleFormat alerts =
                System.console() != null ? FraudAlertConsoleFormat.ansiColour() : FraudAlertConsoleFormat.plain();

        ConsoleListener(PrintStream out) {
            this.out = out;
            this.producer = new ProducerConsole(out);
        }

        @Override
        public void onProducerProgress(ProducerStats stats) {
            if (progressPace.admit()) {
                synchronized (out) {
                    producer.progress(stats);
                }
            }
        }

        @Override
        public void onAnalyticsReport(AnalyticsSnapshot snapshot) {
            if (reportPace.admit()) {
                String report = analytics.render(snapshot);
                synchronized (out) {
                    out.println(report);
                }
            }
        }

        @Override
        public void onAlert(FraudAlert alert) {
            synchronized (out) {
                out.println(alerts.format(alert));
            }
        }

        @Override
        public void onStatus(EngineStatus status) {
            if (status.state() == EngineStatus.State.DISCONNECTED
                    || status.state() == EngineStatus.State.RUNNING
                            && status.message().contains("back")) {
                out.println("⚠️  " + status.message());
            }
        }
    }
}
