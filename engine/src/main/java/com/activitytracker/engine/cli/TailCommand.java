package com.activitytracker.engine.cli;

import com.activitytracker.engine.config.Durations;
import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.kafka.KafkaClientFactory;
import com.activitytracker.engine.kafka.KafkaCluster;
import com.activitytracker.engine.kafka.TopicAdmin;
import com.activitytracker.engine.observability.RecordText;
import com.activitytracker.engine.observability.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

@Command(
        name = "tail",
        mixinStandardHelpOptions = true,
        description = {
            "Print a topic's records as they arrive: partition, offset, time, key, headers and the value as indented JSON.",
            "Reads with a consumer of its own (no group, no commits), so the running consumers are never disturbed."
        })
final class TailCommand extends SettingsCommand {
    private static final Duration POLL = Duration.ofMillis(200);

    @Mixin
    KafkaOptions kafka;

    @Parameters(
            index = "0",
            paramLabel = "TOPIC",
            description = "a topic name, or activities, alerts or dlq for the configured topics")
    String topic;

    @Option(
            names = "--from-beginning",
            description = "start at each partition's first record instead of new records only")
    boolean fromBeginning;

    @Option(names = "--max", paramLabel = "N", description = "stop after N records shown")
    Long max;

    @Option(
            names = "--user",
            paramLabel = "ID",
            description = "only records of this user (the key, or user_id in the value)")
    String user;

    @Option(names = "--idle-exit", paramLabel = "D", description = "stop after D with no new records (e.g. 5s)")
    String idleExit;

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
        if (max != null && max < 1) {
            throw new ParameterException(spec.commandLine(), "--max must be a positive number, got " + max);
        }
        Duration idle = idleExit == null ? null : Durations.parse("--idle-exit", idleExit);
        Settings settings = Roles.withDefaultBootstrap(loadSettings());
        String name = topicName(settings, topic);
        KafkaClientFactory clients = new KafkaClientFactory(settings);
        new TopicAdmin(clients, KafkaCluster.CONNECT_TIMEOUT).awaitCluster();
        PrintStream out = out();
        RecordText text = new RecordText();
        UserFilter filter = new UserFilter(user);
        StopSignal stop = new StopSignal();
        long shown = 0;
        try (TopicReader reader = open(clients, name)) {
            out.printf(
                    "👀 %s on %s, %s (Ctrl+C to stop)%n",
                    name, clients.bootstrapServers(), fromBeginning ? "from the beginning" : "new records only");
            long lastRecordAt = System.nanoTime();
            while (!stop.isStopRequested() && (max == null || shown < max)) {
                var records = reader.poll(POLL);
                if (!records.isEmpty()) {
                    lastRecordAt = System.nanoTime();
                }
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    if (filter.matches(record) && (max == null || shown < max)) {
                        out.println(text.render(record));
                        out.println();
                        shown++;
                    }
                }
                if (idle != null && System.nanoTime() - lastRecordAt >= idle.toNanos()) {
                    break;
                }
            }
        } finally {
            stop.done();
        }
        out.printf("%d record%s shown%n", shown, shown == 1 ? "" : "s");
        return 0;
    }

    private TopicReader open(KafkaClientFactory clients, String name) {
        try {
            return new TopicReader(clients.reader("activity-tracker-tail"), name, fromBeginning);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** The aliases of the three configured topics, so nobody has to remember a custom name. */
    static String topicName(Settings settings, String given) {
        return switch (given) {
            case "activities" -> settings.activitiesTopic();
            case "alerts" -> settings.alertsTopic();
            case "dlq" -> settings.dlqTopic();
            default -> given;
        };
    }

    /** Keeps the records of one user: by key (the contract keys by user_id), else by the value's user_id. */
    static final class UserFilter {
        private static final ObjectMapper MAPPER = new ObjectMapper();
        private final String user;
        private final byte[] userBytes;

        UserFilter(String user) {
            this.user = user;
            this.userBytes = user == null ? null : user.getBytes(StandardCharsets.UTF_8);
        }

        boolean matches(ConsumerRecord<byte[], byte[]> record) {
            if (user == null) {
                return true;
            }
            if (record.key() != null && Arrays.equals(record.key(), userBytes)) {
                return true;
            }
            if (record.value() == null) {
                return false;
            }
            try {
                JsonNode id = MAPPER.readTree(record.value()).path("user_id");
                return id.isTextual() && id.asText().equals(user);
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }
    }
}
