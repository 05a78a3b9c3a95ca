package com.activitytracker.engine.cli;

import com.activitytracker.engine.analytics.AnalyticsConsoleReport;
import com.activitytracker.engine.analytics.AnalyticsReportJson;
import com.activitytracker.engine.analytics.AnalyticsSnapshot;
import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.consumer.AnalyticsProcessor;
import com.activitytracker.engine.consumer.ConsumerWorker;
import com.activitytracker.engine.kafka.KafkaClientFactory;
import com.activitytracker.engine.observability.Figures;
import com.activitytracker.engine.observability.MetricsExport;
import com.activitytracker.engine.observability.RoleLog;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "analytics", mixinStandardHelpOptions = true,
        description = "Consume activity and print the analytics report every STATS_INTERVAL events (the seed's analytics_processor.py).")
final class AnalyticsCommand extends SettingsCommand {
    @Mixin
    KafkaOptions kafka;
    @Mixin
    RunOptions run;
    @Mixin
    ConsumerOptions consumer;
    @Mixin
    MetricsOptions metricsOptions;

    @Option(names = "--report-json", paramLabel = "FILE", description = "write the final report there on exit")
    Path reportJson;

    @Override
    protected void addOverrides(Map<String, String> overrides) {
        kafka.addTo(overrides);
        run.addTo(overrides);
        metricsOptions.addTo(overrides);
    }

    @Override
    protected Path envFile() {
        return kafka.envFile;
    }

    @Override
    public Integer call() throws Exception {
        Duration duration = run.durationOrNull();
        Duration idleExit = consumer.idleExitOrNull();
        Settings settings = Roles.withDefaultBootstrap(loadSettings());
        KafkaClientFactory clients = Roles.connect(settings);

        PrintStream out = out();
        AnalyticsConsoleReport console = new AnalyticsConsoleReport();
        // each dashboard reads every partition, so each process gets a group of its own unless told
        String group = consumer.group != null ? consumer.group : "activity-tracker-analytics-" + UUID.randomUUID();
        RoleLog roleLog = new RoleLog("analytics");
        roleLog.started(settings, Map.of("group", group, "from_beginning", consumer.fromBeginning));
        MetricsExport metrics = MetricsOptions.start("analytics", settings, false, out);
        KafkaProducer<byte[], byte[]> dlq = clients.rawProducer("analytics-dlq");
        AnalyticsProcessor processor = new AnalyticsProcessor(dlq, settings.dlqTopic(), Clock.systemUTC(),
                metrics.registry(), settings.statsInterval(), snapshot -> {
                    out.println(console.render(snapshot));
                    roleLog.progress(Figures.analytics(snapshot));
                });
        ConsumerWorker worker = new ConsumerWorker("analytics",
                () -> clients.consumer(group, "analytics", consumer.fromBeginning), settings.activitiesTopic(),
                processor, Clock.systemUTC(), idleExit);
        out.println("📊 Analytics consumer on " + clients.bootstrapServers() + " | topic: " + settings.activitiesTopic()
                + (consumer.fromBeginning ? " (from the beginning)" : " (new events)") + " | report every "
                + settings.statsInterval() + " events");
        StopSignal stop = new StopSignal();
        try {
            worker.start();
            ConsumerRun.awaitEnd(worker, stop, duration);
            worker.close();
            dlq.close(Duration.ofSeconds(5));
            AnalyticsSnapshot last = processor.latest();
            roleLog.finished(Figures.analytics(last));
            out.println();
            out.println("Final report:");
            out.println(console.render(last));
            writeReport(last, out);
            String error = worker.stats().error();
            if (error != null) {
                out.println("⚠️  Analytics consumer error: " + error);
                return 1;
            }
            return 0;
        } finally {
            metrics.close();
            stop.done();
        }
    }

    private void writeReport(AnalyticsSnapshot snapshot, PrintStream out) throws IOException {
        if (reportJson != null) {
            new AnalyticsReportJson().write(snapshot, reportJson);
            out.println("📝 Report written to " + reportJson.toAbsolutePath());
        }
    }
}
