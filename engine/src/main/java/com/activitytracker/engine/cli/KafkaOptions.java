package com.activitytracker.engine.cli;

import com.activitytracker.engine.config.Settings;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every command takes: where Kafka is, which topic, logging and the env file. */
public final class KafkaOptions {
    @Option(
            names = "--bootstrap-servers",
            paramLabel = "HOST:PORT[,...]",
            description =
                    "Kafka to use (KAFKA_BOOTSTRAP_SERVERS); unset: run starts an embedded broker, the roles use localhost:9092")
    String bootstrapServers;

    @Option(
            names = "--topic",
            paramLabel = "NAME",
            description = "activities topic (KAFKA_ACTIVITIES_TOPIC, default user-activities)")
    String topic;

    @Option(
            names = "--log-level",
            paramLabel = "LEVEL",
            description = "DEBUG, INFO, WARNING or ERROR (LOG_LEVEL, default INFO)")
    String logLevel;

    @Option(names = "--env-file", paramLabel = "FILE", description = "settings file to read instead of ./.env")
    Path envFile;

    void addTo(Map<String, String> overrides) {
        overrides.put(Settings.KAFKA_BOOTSTRAP_SERVERS, bootstrapServers);
        overrides.put(Settings.KAFKA_ACTIVITIES_TOPIC, topic);
        overrides.put(Settings.LOG_LEVEL, logLevel);
    }
}
