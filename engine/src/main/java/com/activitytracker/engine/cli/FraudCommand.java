package com.activitytracker.engine.cli;

import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.consumer.ConsumerWorker;
import com.activitytracker.engine.consumer.FraudDetectionProcessor;
import com.activitytracker.engine.fraud.FraudAlertConsoleFormat;
import com.activitytracker.engine.fraud.FraudSettings;
import com.activitytracker.engine.fraud.FraudThresholds;
import com.activitytracker.engine.kafka.KafkaClientFactory;
import com.activitytracker.engine.observability.Figures;
import com.activitytracker.engine.observability.MetricsExport;
import com.activitytracker.engine.observability.ProgressLog;
import com.activitytracker.engine.observability.RoleLog;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "fraud", mixinStandardHelpOptions = true,
        description = "Detect fraud patterns in the activity stream, print each alert and publish it to the alerts topic (the seed's fraud_detector.py). "
                + "Several fraud processes in one group share the partitions.")
final class FraudCommand extends SettingsCommand {
    static final String DEFAULT_GROUP = "activity-tracker-fraud";

    @Mixin
    KafkaOptions kafka;
    @Mixin
    RunOptions run;
    @Mixin
    ConsumerOptions consumer;
    @Mixin
    MetricsOptions metricsOptions;

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
        FraudThresholds thresholds = FraudSettings.thresholds(settings.values());
        KafkaClientFactory clients = Roles.connect(settings);

        PrintStream out = out();
        FraudAlertConsoleFormat format = System.console() != null && System.getenv("NO_COLOR") == null
                ? FraudAlertConsoleFormat.ansiColour() : FraudAlertConsoleFormat.plain();
        String group = consumer.group != null ? consumer.group : DEFAULT_GROUP;
        RoleLog roleLog = new RoleLog("fraud");
        roleLog.started(settings, Map.of("group", group, "from_beginning", consumer.fromBeginning));
        MetricsExport metrics = MetricsOptions.start("fraud", settings, false, out);
        KafkaProducer<byte[], byte[]> producer = clients.rawProducer("fraud-alerts");
        FraudDetectionProcessor processor = new FraudDetectionProcessor(thresholds, producer, settings.alertsTopic(),
                settings.dlqTopic(), Clock.systemUTC(), metrics.registry(), alert -> {
                    synchronized (out) {
                        out.println(format.format(alert));
                        out.println();
                    }
                });
        ConsumerWorker worker = new ConsumerWorker("fraud", () -> clients.consumer(group, "fraud", consumer.fromBeginning),
                settings.activitiesTopic(), processor, Clock.systemUTC(), idleExit);
        out.println("🛡️  Fraud detector on " + clients.bootstrapServers() + " | topic: " + settings.activitiesTopic()
                + " | alerts to: " + settings.alertsTopic() + " | group: " + group);
        out.printf(Locale.US, "   Rules: HIGH_VELOCITY ≥%d events/%ds, HIGH_VALUE_PURCHASE ≥%.2f, CARD_TESTING ≥%d under %.2f/%ds, "
                        + "ACCOUNT_TAKEOVER login after ≥%d failed/%ds, IMPOSSIBLE_TRAVEL 2 countries/%ds%n",
                thresholds.velocityMaxEvents(), thresholds.velocityWindow().toSeconds(), thresholds.highValueAmount(),
                thresholds.cardTestCount(), thresholds.cardTestMaxAmount(), thresholds.cardTestWindow().toSeconds(),
                thresholds.atoFailedLogins(), thresholds.atoWindow().toSeconds(), thresholds.travelWindow().toSeconds());
        StopSignal stop = new StopSignal();
        try {
            worker.start();
            ProgressLog progress = new ProgressLog(roleLog, settings.statsInterval());
            ConsumerRun.awaitEnd(worker, stop, duration, () -> progress.observe(processor.eventsChecked(),
                    () -> Figures.fraud(processor.eventsChecked(), processor.invalidRecords(), processor.alertsRaised())));
            worker.close();
            producer.close(Duration.ofSeconds(5));
            var stats = worker.stats();
            roleLog.finished(Figures.fraud(processor.eventsChecked(), processor.invalidRecords(), processor.alertsRaised()));
            out.printf(Locale.US, "%n📊 Fraud detector: %d events checked, %d invalid (sent to %s), %d alerts raised%n",
                    processor.eventsChecked(), processor.invalidRecords(), settings.dlqTopic(), processor.alertsRaised());
            if (stats.error() != null) {
                out.println("⚠️  Fraud consumer error: " + stats.error());
                return 1;
            }
            return 0;
        } finally {
            metrics.close();
            stop.done();
        }
    }
}
