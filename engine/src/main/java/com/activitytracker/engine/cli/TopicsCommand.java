package com.activitytracker.engine.cli;

import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.kafka.KafkaClientFactory;
import com.activitytracker.engine.kafka.KafkaCluster;
import com.activitytracker.engine.kafka.TopicAdmin;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "topics",
        mixinStandardHelpOptions = true,
        description = "Create the activities, alerts and dead-letter topics when missing.")
final class TopicsCommand extends SettingsCommand {
    @Mixin
    KafkaOptions kafka;

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
        PrintStream out = out();
        TopicAdmin.ClusterTopics cluster = new TopicAdmin(
                        new KafkaClientFactory(settings), KafkaCluster.CONNECT_TIMEOUT)
                .awaitClusterAndTopics(settings);
        int brokers = cluster.brokers();
        List<String> created = cluster.created();
        for (String topic : List.of(settings.activitiesTopic(), settings.alertsTopic(), settings.dlqTopic())) {
            out.printf("%s %s%n", created.contains(topic) ? "✅ Created topic" : "✔  Topic exists:", topic);
        }
        out.printf(
                "Kafka: %s (%d broker%s), %d partitions per new topic%n",
                settings.bootstrapServers().orElseThrow(), brokers, brokers == 1 ? "" : "s", settings.partitions());
        return 0;
    }
}
