package com.activitytracker.engine.cli;

import com.activitytracker.engine.config.Durations;
import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.consumer.ConsumerGroups;
import com.activitytracker.engine.consumer.ConsumerPipeline;
import com.activitytracker.engine.consumer.FraudDetectionProcessor;
import com.activitytracker.engine.fraud.FraudAlertConsoleFormat;
import com.activitytracker.engine.fraud.FraudSettings;
import com.activitytracker.engine.fraud.FraudThresholds;
import com.activitytracker.engine.kafka.KafkaClientFactory;
import com.activitytracker.engine.observability.Figures;
import com.activitytracker.engine.observability.MetricsExport;
import com.activitytracker.engine.observability.ProgressLog;
import com.activitytracker.engine.observability.ReportPace;
import com.activitytracker.engine.observability.RoleLog;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "fraud",
        mixinStandardHelpOptions = true,
        subcommands = BacktestCommand.class,
        description =
                "Detect fraud patterns in the activity stream, print each alert and publish it to the alerts topic. "
                        + "Several fraud processes in one group share the partitions.")
final class FraudCommand extends SettingsCommand {
    @Mixin
    KafkaOptions kafka;

    @Mixin
    ConsumerOptions consumer;

    @Mixin
    MetricsOptions metricsOptions;

    // its own option rather than RunOptions: the detector prints alerts, not progress, so it has no --stats-interval
    @Option(names = "--duration", paramLabel = "D", description = "stop after D (e.g. 30s, 5m)")
    String duration;

    @Override
    protected void addOverrides(Map<String, String> overrides) {
        kafka.addTo(overrides);
        metricsOptions.addTo(overrides);
    }

    @Override
    protected Path envFile() {
        return kafka.envFile;
    }

    @Override
    public Integer call() throws Exception {
        Duration runFor = duration == null ? null : Durations.parse("--duration", duration);
        Duration idleExit = consumer.idleExitOrNull();
        Settings settings = Roles.withDefaultBootstrap(loadSettings());
        FraudThresholds thresholds = FraudSettings.thresholds(settings.values());
        KafkaClientFactory clients = Roles.connect(settings);

        PrintStream out = out();
        FraudAlertConsoleFormat format = System.console() != null && System.getenv("NO_COLOR") == null
                ? FraudAlertConsoleFormat.ansiColour()
                : FraudAlertConsoleFormat.plain();
        String group = consumer.group != null ? consumer.group : ConsumerGroups.FRAUD;
        ConsumerPipeline.Options options = new ConsumerPipeline.Options(group, consumer.startFrom(), idleExit);
        RoleLog roleLog = new RoleLog("fraud");
        roleLog.started(settings, Map.of("group", group, "from_beginning", consumer.fromBeginning));
        MetricsExport metrics = MetricsOptions.start("fraud", settings, false, out);
        out.println("🛡️  Fraud detector on " + clients.bootstrapServers() + " | topic: " + settings.activitiesTopic()
                + " | alerts to: " + settings.alertsTopic() + " | group: " + group);
        out.printf(
                Locale.US,
                "   Rules: HIGH_VELOCITY ≥%d events/%ds, HIGH_VALUE_PURCHASE ≥%.2f, CARD_TESTING ≥%d under %.2f/%ds, "
                        + "ACCOUNT_TAKEOVER login after ≥%d failed/%ds, IMPOSSIBLE_TRAVEL 2 countries/%ds%n",
                thresholds.velocityMaxEvents(),
                thresholds.velocityWindow().toSeconds(),
                thresholds.highValueAmount(),
                thresholds.cardTestCount(),
                thresholds.cardTestMaxAmount(),
                thresholds.cardTestWindow().toSeconds(),
                thresholds.atoFailedLogins(),
                thresholds.atoWindow().toSeconds(),
                thresholds.travelWindow().toSeconds());
        StopSignal stop = new StopSignal();
        try (ConsumerPipeline<FraudDetectionProcessor> pipeline = ConsumerPipeline.fraud(
                clients, settings, thresholds, options, Clock.systemUTC(), metrics.registry(), alert -> {
                    synchronized (out) {
                        out.println(format.format(alert));
                        out.println();
                    }
                })) {
            pipeline.start();
            FraudDetectionProcessor processor = pipeline.processor();
            ProgressLog progress =
                    new ProgressLog(roleLog, settings.statsInterval(), new ReportPace(ReportPace.TERMINAL));
            ConsumerRun.awaitEnd(
                    pipeline.worker(),
                    stop,
                    runFor,
                    () -> progress.observe(
                            processor.eventsChecked(),
                            () -> Figures.fraud(
                                    processor.eventsChecked(), processor.invalidRecords(), processor.alertsRaised())));
            pipeline.stop(); // final figures only once everything is committed
            roleLog.finished(
                    Figures.fraud(processor.eventsChecked(), processor.invalidRecords(), processor.alertsRaised()));
            out.printf(
                    Locale.US,
                    "%n📊 Fraud detector: %d events checked, %d invalid (sent to %s), %d alerts raised%n",
                    processor.eventsChecked(),
                    processor.invalidRecords(),
                    settings.dlqTopic(),
                    processor.alertsRaised());
            return ConsumerExit.code("Fraud", pipeline.worker(), out);
        } finally {
            metrics.close();
            stop.done();
        }
    }
}
