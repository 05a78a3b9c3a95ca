package com.activitytracker.engine.cli;

import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.kafka.EmbeddedKafkaBroker;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "broker",
        mixinStandardHelpOptions = true,
        description =
                "Run only an embedded Kafka broker on localhost:9092 (data in DATA_DIR), so the other roles can run in separate terminals.")
final class BrokerCommand extends SettingsCommand {
    @Mixin
    KafkaOptions kafka;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            defaultValue = "9092",
            description = "port to listen on (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--fresh", description = "delete the broker's data when it stops")
    boolean fresh;

    @Override
    protected void addOverrides(Map<String, String> overrides) {
        kafka.addTo(overrides);
    }

    @Override
    protected Path envFile() {
        return kafka.envFile;
    }

    @Override
    public Integer call() throws Exception {
        if (port < 1 || port > 65535) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--port must be from 1 to 65535, got " + port);
        }
        Settings settings = loadSettings();
        PrintStream out = out();
        StopSignal stop = new StopSignal();
        try (EmbeddedKafkaBroker broker =
                EmbeddedKafkaBroker.start(settings.dataDir().resolve("broker"), port, fresh)) {
            out.printf(
                    "✅ Kafka broker ready at %s in %d ms (data in %s)%n",
                    broker.bootstrapServers(), broker.startTime().toMillis(), broker.dataDir());
            out.println("   Press Ctrl+C to stop.");
            stop.await(null);
            out.println("Stopping the broker...");
        } finally {
            stop.done();
        }
        return 0;
    }
}
