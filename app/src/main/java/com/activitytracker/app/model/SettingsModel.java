package com.activitytracker.app.model;

import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.config.SettingsException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The cluster settings dialog: bootstrap servers (empty for the embedded broker), the activities
 * topic and a client properties file. Applying validates through the settings loader off the FX
 * thread (it reads files); a bad value shows the loader's message and changes nothing, a good one
 * restarts the engine with the new settings.
 */
public final class SettingsModel {
    private final Function<Map<String, String>, Settings> loader;
    private final Consumer<Settings> restart;
    private final Executor background;
    private final Executor fxExecutor;

    private final StringProperty bootstrapServers = new SimpleStringProperty("");
    private final StringProperty activitiesTopic = new SimpleStringProperty("");
    private final StringProperty clientConfig = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper applied = new ReadOnlyBooleanWrapper();

    /**
     * @param current the settings in use (as configured: an empty bootstrap means the embedded broker)
     * @param loader  resolves settings with these overrides, throwing {@link SettingsException} for a bad value
     * @param restart starts the engine again with the accepted settings
     */
    public SettingsModel(
            Settings current,
            Function<Map<String, String>, Settings> loader,
            Consumer<Settings> restart,
            Executor background,
            Executor fxExecutor) {
        this.loader = Objects.requireNonNull(loader);
        this.restart = Objects.requireNonNull(restart);
        this.background = Objects.requireNonNull(background);
        this.fxExecutor = Objects.requireNonNull(fxExecutor);
        bootstrapServers.set(current.bootstrapServers().orElse(""));
        activitiesTopic.set(current.activitiesTopic());
        clientConfig.set(current.clientConfig().map(Object::toString).orElse(""));
    }

    // ---- Properties ----------------------------------------------------------------------------

    public StringProperty bootstrapServersProperty() {
        return bootstrapServers;
    }

    public StringProperty activitiesTopicProperty() {
        return activitiesTopic;
    }

    public StringProperty clientConfigProperty() {
        return clientConfig;
    }

    /** The loader's message for a refused value; empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** True while validating. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Becomes true once the settings were accepted and the restart began; the dialog then closes. */
    public ReadOnlyBooleanProperty appliedProperty() {
        return applied.getReadOnlyProperty();
    }

    // ---- Commands ------------------------------------------------------------------------------

    public void apply() {
        if (busy.get()) {
            return;
        }
        Map<String, String> overrides = new HashMap<>();
        overrides.put(Settings.KAFKA_BOOTSTRAP_SERVERS, text(bootstrapServers));
        overrides.put(
                Settings.KAFKA_ACTIVITIES_TOPIC,
                text(activitiesTopic).isEmpty() ? "user-activities" : text(activitiesTopic));
        overrides.put(Settings.KAFKA_CLIENT_CONFIG, text(clientConfig));
        busy.set(true);
        error.set("");
        background.execute(() -> {
            try {
                Settings settings = loader.apply(overrides);
                fxExecutor.execute(() -> {
                    busy.set(false);
                    restart.accept(settings);
                    applied.set(true);
                });
            } catch (SettingsException | IllegalArgumentException e) {
                fxExecutor.execute(() -> {
                    busy.set(false);
                    error.set(e.getMessage());
                });
            }
        });
    }

    private static String text(StringProperty p) {
        return p.get() == null ? "" : p.get().strip();
    }
}
