package com.activitytracker.engine.cli;

import com.activitytracker.engine.analytics.AnalyticsConsoleReport;
import com.activitytracker.engine.analytics.AnalyticsReportJson;
import com.activitytracker.engine.analytics.AnalyticsSnapshot;
import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.consumer.AnalyticsProcessor;
import com.activitytracker.engine.consumer.ConsumerGroups;
import com.activitytracker.engine.consumer.ConsumerPipeline;
import com.activitytracker.engine.kafka.KafkaClientFactory;
import com.activitytracker.engine.observability.Figures;
import com.activitytracker.engine.observability.MetricsExport;
import com.activitytracker.engine.observability.ReportPace;
import com.activitytracker.engine.observability.RoleLog;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "analytics",
        mixinStandardHelpOptions = true,
        description = "Consume activity and print the analytics report every STATS_INTERVAL events.")
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
        String group = consumer.group != null ? consumer.group : ConsumerGroups.newAnalyticsGroup();
        ConsumerPipeline.Options options = new ConsumerPipeline.Options(group, consumer.startFrom(), idleExit);
        RoleLog roleLog = new RoleLog("analytics");
        ReportPace pace = new ReportPace(ReportPace.TERMINAL);
        roleLog.started(settings, Map.of("group", group, "from_beginning", consumer.fromBeginning));
        MetricsExport metrics = MetricsOptions.start("analytics", settings, false, out);
        out.println("📊 Analytics consumer on " + clients.bootstrapServers() + " | topic: " + settings.activitiesTopic()
                + (consumer.fromBeginning ? " (from the beginning)" : " (new events)") + " | report every "
                + settings.statsInterval() + " events");
        StopSignal stop = new StopSignal();
        try (ConsumerPipeline<AnalyticsProcessor> pipeline = ConsumerPipeline.analytics(
                clients, settings, options, Clock.systemUTC(), metrics.registry(), snapshot -> {
                    if (pace.admit()) {
                        out.println(console.render(snapshot));
                        roleLog.progress(Figures.analytics(snapshot));
                    }
                })) {
            pipeline.start();
            ConsumerRun.awaitEnd(pipeline.worker(), stop, duration);
            pipeline.stop(); // final figures only once everything is committed
            AnalyticsSnapshot last = pipeline.processor().latest();
            roleLog.finished(Figures.analytics(last));
            out.println();
            out.println("Final report:");
            out.println(console.render(last));
            writeReport(last, out);
            return ConsumerExit.code("Analytics", pipeline.worker(), out);
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
