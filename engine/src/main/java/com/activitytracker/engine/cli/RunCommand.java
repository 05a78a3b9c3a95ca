package com.activitytracker.engine.cli;

import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.kafka.KafkaCluster;
import com.activitytracker.engine.producer.ProducerStats;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Everything in one process: starts an embedded Kafka broker unless KAFKA_BOOTSTRAP_SERVERS is set, then produces simulated activity.")
final class RunCommand extends SettingsCommand {
    @Mixin
    KafkaOptions kafka;
    @Mixin
    ProducerOptions producerOptions;
    @Mixin
    RunOptions run;

    @Override
    protected void addOverrides(Map<String, String> overrides) {
        kafka.addTo(overrides);
        producerOptions.addTo(overrides);
        run.addTo(overrides);
    }

    @Override
    protected Path envFile() {
        return kafka.envFile;
    }

    @Override
    public Integer call() throws Exception {
        var duration = run.durationOrNull();
        Settings settings = loadSettings();
        PrintStream out = out();
        if (settings.usesEmbeddedBroker()) {
            out.println("⏳ Starting the embedded Kafka broker...");
        }
        try (KafkaCluster cluster = KafkaCluster.open(settings, KafkaCluster.CONNECT_TIMEOUT)) {
            cluster.embeddedBroker().ifPresent(b -> out.printf("✅ Embedded Kafka broker ready at %s in %d ms%n",
                    b.bootstrapServers(), b.startTime().toMillis()));
            ProducerStats stats = ProducerSession.run(producerOptions, cluster.settings(), cluster.clients(),
                    new SimpleMeterRegistry(), out, duration);
            return stats.error() == null ? 0 : 1;
        }
    }
}
