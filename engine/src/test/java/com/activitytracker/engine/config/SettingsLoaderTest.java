package com.activitytracker.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("unit")
class SettingsLoaderTest {
    @TempDir
    Path dir;

    private SettingsLoader loader(Map<String, String> env) {
        return new SettingsLoader(env, dir, dir.resolve("home"), "Linux");
    }

    private Settings load(Map<String, String> env, Map<String, String> options) {
        return loader(env).load(null, options);
    }

    @Test
    void defaultsMatchTheContract() {
        Settings s = load(Map.of(), Map.of());
        assertThat(s.bootstrapServers()).isEmpty();
        assertThat(s.usesEmbeddedBroker()).isTrue();
        assertThat(s.activitiesTopic()).isEqualTo("user-activities");
        assertThat(s.alertsTopic()).isEqualTo("fraud-alerts");
        assertThat(s.dlqTopic()).isEqualTo("user-activities.dlq");
        assertThat(s.partitions()).isEqualTo(6);
        assertThat(s.eventsPerSecond()).isEqualTo(10);
        assertThat(s.statsInterval()).isEqualTo(50);
        assertThat(s.logLevel()).isEqualTo("INFO");
        assertThat(s.logDir()).isEqualTo(dir.resolve("logs"));
        assertThat(s.dataDir()).isEqualTo(dir.resolve("home/.local/share/activity-tracker"));
    }

    @Test
    void laterSourcesWinDefaultsThenEnvFileThenEnvironmentThenOptions() throws IOException {
        Files.writeString(dir.resolve(".env"), """
                # comment
                EVENTS_PER_SECOND=20
                STATS_INTERVAL=7
                KAFKA_PARTITIONS=3
                export LOG_LEVEL="DEBUG"
                """);
        Settings s = load(Map.of("STATS_INTERVAL", "8", "KAFKA_PARTITIONS", "4"), Map.of("KAFKA_PARTITIONS", "5"));
        assertThat(s.eventsPerSecond()).isEqualTo(20); // .env over default
        assertThat(s.statsInterval()).isEqualTo(8); // environment over .env
        assertThat(s.partitions()).isEqualTo(5); // option over environment
        assertThat(s.logLevel()).isEqualTo("DEBUG");
    }

    @Test
    void anExplicitEnvFileReplacesTheWorkingDirectoryOne() throws IOException {
        Files.writeString(dir.resolve(".env"), "EVENTS_PER_SECOND=20\n");
        Path other = Files.writeString(dir.resolve("demo.env"), "EVENTS_PER_SECOND=30\n");
        assertThat(loader(Map.of()).load(other, Map.of()).eventsPerSecond()).isEqualTo(30);
    }

    @Test
    void aMissingEnvFileIsNamed() {
        assertThatThrownBy(() -> loader(Map.of()).load(dir.resolve("nope.env"), Map.of()))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("--env-file")
                .hasMessageContaining("nope.env");
    }

    @Test
    void optionsLeftUnsetDoNotOverride() {
        Map<String, String> options = new HashMap<>();
        options.put("EVENTS_PER_SECOND", null);
        assertThat(load(Map.of("EVENTS_PER_SECOND", "12"), options).eventsPerSecond())
                .isEqualTo(12);
    }

    @Test
    void unrelatedEnvironmentVariablesAreIgnoredButFraudThresholdsKept() {
        Settings s = load(Map.of("PATH", "/bin", "FRAUD_VELOCITY_MAX_EVENTS", "8"), Map.of());
        assertThat(s.values()).containsEntry("FRAUD_VELOCITY_MAX_EVENTS", "8").doesNotContainKey("PATH");
    }

    @Test
    void maxMeansAnUnlimitedRate() {
        assertThat(load(Map.of(), Map.of("EVENTS_PER_SECOND", "max")).eventsPerSecond())
                .isInfinite();
    }

    @Test
    void warningIsAcceptedAsTheSeedSpellsIt() {
        assertThat(load(Map.of("LOG_LEVEL", "warning"), Map.of()).logLevel()).isEqualTo("WARN");
    }

    @Test
    void aConfiguredBootstrapServerTurnsTheEmbeddedBrokerOff() {
        Settings s = load(Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092"), Map.of());
        assertThat(s.usesEmbeddedBroker()).isFalse();
        assertThat(s.bootstrapServers()).contains("kafka-1:9092,kafka-2:9092");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "EVENTS_PER_SECOND | -5 | EVENTS_PER_SECOND must be between 0 and",
                "EVENTS_PER_SECOND | fast | EVENTS_PER_SECOND must be a number",
                "KAFKA_PARTITIONS | 0 | KAFKA_PARTITIONS must be a whole number from 1",
                "KAFKA_PARTITIONS | six | KAFKA_PARTITIONS must be a whole number",
                "STATS_INTERVAL | 1.5 | STATS_INTERVAL must be a whole number",
                "KAFKA_REPLICATION_FACTOR | 0 | KAFKA_REPLICATION_FACTOR must be",
                "LOG_LEVEL | LOUD | LOG_LEVEL must be one of",
                "KAFKA_ACTIVITIES_TOPIC | bad topic! | KAFKA_ACTIVITIES_TOPIC must be a Kafka topic name",
                "KAFKA_BOOTSTRAP_SERVERS | localhost | KAFKA_BOOTSTRAP_SERVERS must be host:port",
                "KAFKA_BOOTSTRAP_SERVERS | localhost:99999 | KAFKA_BOOTSTRAP_SERVERS must be host:port",
                "KAFKA_CLIENT_CONFIG | /no/such/client.properties | KAFKA_CLIENT_CONFIG: cannot read file",
            })
    void aBadValueFailsWithOneLineNamingTheSetting(String key, String value, String message) {
        assertThatThrownBy(() -> load(Map.of(key, value), Map.of()))
                .isInstanceOf(SettingsException.class)
                .hasMessageStartingWith(message)
                .hasMessageNotContaining("\n");
    }

    @Test
    void dataDirFollowsEachDesktopConvention() {
        Path home = dir.resolve("home");
        assertThat(new SettingsLoader(Map.of(), dir, home, "Mac OS X")
                        .load(null, Map.of())
                        .dataDir())
                .isEqualTo(home.resolve("Library/Application Support/Activity Tracker"));
        assertThat(new SettingsLoader(
                                Map.of("LOCALAPPDATA", dir.resolve("local").toString()), dir, home, "Windows 11")
                        .load(null, Map.of())
                        .dataDir())
                .isEqualTo(dir.resolve("local").resolve("ActivityTracker"));
        assertThat(new SettingsLoader(Map.of("XDG_DATA_HOME", dir.resolve("xdg").toString()), dir, home, "Linux")
                        .load(null, Map.of())
                        .dataDir())
                .isEqualTo(dir.resolve("xdg/activity-tracker"));
    }

    @Test
    void durationsReadHumanUnits() {
        assertThat(Durations.parse("--duration", "30s").toSeconds()).isEqualTo(30);
        assertThat(Durations.parse("--duration", "5m").toMinutes()).isEqualTo(5);
        assertThat(Durations.parse("--duration", "500ms").toMillis()).isEqualTo(500);
        assertThat(Durations.parse("--duration", "2").toSeconds()).isEqualTo(2);
        assertThatThrownBy(() -> Durations.parse("--idle-exit", "soon"))
                .hasMessageStartingWith("--idle-exit must be a duration");
    }
}
