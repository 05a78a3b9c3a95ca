package com.activitytracker.engine.cli;

import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.kafka.KafkaClientFactory;
import com.activitytracker.engine.observability.MetricsExport;
import com.activitytracker.engine.producer.ProducerStats;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;

@Command(
        name = "produce",
        mixinStandardHelpOptions = true,
        description = "Send simulated user activity to Kafka at a steady rate.")
final class ProduceCommand extends SettingsCommand {
    @Mixin
    KafkaOptions kafka;

    @Mixin
    ProducerOptions producerOptions;

    @Mixin
    RunOptions run;

    @Mixin
    MetricsOptions metricsOptions;

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
        Settings settings = Roles.withDefaultBootstrap(loadSettings());
        KafkaClientFactory clients = Roles.connect(settings);
        try (MetricsExport metrics = MetricsOptions.start("produce", settings, false, out())) {
            ProducerStats stats =
                    ProducerSession.run(producerOptions, settings, clients, metrics.registry(), out(), duration);
            return stats.error() == null && stats.failed() == 0 ? 0 : 1;
        }
    }
}
