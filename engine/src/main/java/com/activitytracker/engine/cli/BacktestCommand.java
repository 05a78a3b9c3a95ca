package com.activitytracker.engine.cli;

import com.activitytracker.engine.backtest.Backtest;
import com.activitytracker.engine.backtest.BacktestProgress;
import com.activitytracker.engine.backtest.BacktestReport;
import com.activitytracker.engine.backtest.BacktestReportFormat;
import com.activitytracker.engine.backtest.BacktestRequest;
import com.activitytracker.engine.config.Durations;
import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.config.SettingsException;
import com.activitytracker.engine.event.ActivityEventCodec;
import com.activitytracker.engine.fraud.FraudSettings;
import com.activitytracker.engine.fraud.FraudThresholds;
import com.activitytracker.engine.kafka.KafkaClientFactory;
import com.activitytracker.engine.kafka.KafkaCluster;
import com.activitytracker.engine.kafka.TopicAdmin;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fraud backtest}: what candidate thresholds would have raised over the recent stream. */
@Command(
        name = "backtest",
        mixinStandardHelpOptions = true,
        description = "Replay the recent activity stream through candidate fraud thresholds and compare them with the"
                + " live ones (FRAUD_* settings): alerts per rule and severity, users flagged, users that would change."
                + " Reads with a consumer of its own that joins no group: the live detectors are never disturbed.")
final class BacktestCommand extends SettingsCommand {
    @Mixin
    KafkaOptions kafka;

    @Option(
            names = "--since",
            paramLabel = "D",
            description = "how much of the recent stream to replay (e.g. 30m, 2h); default: the longest rule window")
    String since;

    @Option(
            names = "--set",
            paramLabel = "FRAUD_NAME=VALUE",
            description = "a candidate threshold, e.g. --set FRAUD_VELOCITY_MAX_EVENTS=50 (repeatable)")
    Map<String, String> candidate = new LinkedHashMap<>();

    @Option(names = "--json", description = "print the comparison as JSON")
    boolean json;

    @Override
    protected void addOverrides(Map<String, String> overrides) {
        kafka.addTo(overrides);
    }

    @Override
    protected Path envFile() {
        return kafka.envFile;
    }

    @Override
    public Integer call() {
        Settings settings = Roles.withDefaultBootstrap(loadSettings());
        FraudThresholds live = FraudSettings.thresholds(settings.values());
        FraudThresholds candidateThresholds = FraudSettings.thresholds(withCandidate(settings.values()));
        Duration span = since == null
                ? BacktestRequest.defaultSpan(live, candidateThresholds)
                : Durations.parse("--since", since);
        BacktestRequest request;
        try {
            request = BacktestRequest.withoutGroundTruth(live, candidateThresholds, span);
        } catch (IllegalArgumentException e) {
            throw new SettingsException("--since: " + e.getMessage());
        }
        KafkaClientFactory clients = new KafkaClientFactory(settings);
        new TopicAdmin(clients, KafkaCluster.CONNECT_TIMEOUT).awaitCluster();
        Backtest backtest = new Backtest(
                () -> clients.reader("fraud-backtest"),
                settings.activitiesTopic(),
                new ActivityEventCodec(),
                Clock.systemUTC());
        BacktestReport report = backtest.run(request, BacktestProgress.NONE, () -> false);
        BacktestReportFormat format = new BacktestReportFormat();
        out().print(json ? format.json(report) + System.lineSeparator() : format.table(report));
        out().flush();
        return 0;
    }

    private Map<String, String> withCandidate(Map<String, String> settings) {
        Map<String, String> merged = new HashMap<>(settings);
        candidate.forEach((name, value) -> {
            if (!name.startsWith("FRAUD_")) {
                throw new SettingsException("--set takes fraud thresholds (FRAUD_...), got " + name);
            }
            merged.put(name, value);
        });
        return merged;
    }
}
