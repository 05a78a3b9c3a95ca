package com.activitytracker.app.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.config.SettingsLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class SettingsModelTest {
    @TempDir
    Path dir;

    private final List<Settings> restarts = new ArrayList<>();

    private SettingsModel model() {
        SettingsLoader loader = new SettingsLoader(Map.of(), dir, dir, "Linux");
        Settings current = loader.load(null, Map.of());
        // same-thread executors: validation runs inline in the test
        return new SettingsModel(
                current, overrides -> loader.load(null, overrides), restarts::add, Runnable::run, Runnable::run);
    }

    @Test
    void startsFromTheCurrentSettingsWithAnEmptyBootstrapForTheEmbeddedBroker() {
        SettingsModel m = model();
        assertThat(m.bootstrapServersProperty().get()).isEmpty();
        assertThat(m.activitiesTopicProperty().get()).isEqualTo("user-activities");
    }

    @Test
    void aBadBootstrapServerShowsTheLoadersMessageAndIsNotApplied() {
        SettingsModel m = model();
        m.bootstrapServersProperty().set("not a server");
        m.apply();
        assertThat(m.errorProperty().get()).contains("KAFKA_BOOTSTRAP_SERVERS must be host:port");
        assertThat(m.appliedProperty().get()).isFalse();
        assertThat(m.busyProperty().get()).isFalse();
        assertThat(restarts).isEmpty();
    }

    @Test
    void anUnreadableClientConfigIsRefused() {
        SettingsModel m = model();
        m.clientConfigProperty().set(dir.resolve("missing.properties").toString());
        m.apply();
        assertThat(m.errorProperty().get()).contains("KAFKA_CLIENT_CONFIG");
        assertThat(restarts).isEmpty();
    }

    @Test
    void goodSettingsRestartTheEngine() throws Exception {
        Path props = Files.writeString(dir.resolve("client.properties"), "security.protocol=PLAINTEXT\n");
        SettingsModel m = model();
        m.bootstrapServersProperty().set("kafka-1:9092,kafka-2:9092");
        m.activitiesTopicProperty().set("demo-activities");
        m.clientConfigProperty().set(props.toString());
        m.apply();
        assertThat(m.errorProperty().get()).isEmpty();
        assertThat(m.appliedProperty().get()).isTrue();
        assertThat(restarts).singleElement().satisfies(s -> {
            assertThat(s.bootstrapServers()).contains("kafka-1:9092,kafka-2:9092");
            assertThat(s.activitiesTopic()).isEqualTo("demo-activities");
            assertThat(s.clientConfig()).contains(props);
        });
    }

    @Test
    void anEmptyBootstrapMeansTheEmbeddedBroker() {
        SettingsModel m = model();
        m.bootstrapServersProperty().set("  ");
        m.apply();
        assertThat(restarts)
                .singleElement()
                .satisfies(s -> assertThat(s.usesEmbeddedBroker()).isTrue());
    }
}
