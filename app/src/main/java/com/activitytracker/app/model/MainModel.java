package com.activitytracker.app.model;

import com.activitytracker.engine.EngineStatus;
import com.activitytracker.engine.EngineStatus.State;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The console's frame: theme, presenter mode, full screen, the help overlay, the engine status line,
 * the connection banner and snapshot saving.
 */
public final class MainModel {
    /** How long "connection is back" stays up. */
    public static final Duration GOOD_NEWS_FOR = Duration.ofSeconds(6);

    private final SnapshotSaver snapshots;
    private final Executor fxExecutor;

    private final ReadOnlyObjectWrapper<Theme> theme = new ReadOnlyObjectWrapper<>(Theme.DARK);
    private final ReadOnlyBooleanWrapper presenterMode = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper fullScreen = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper helpVisible = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<State> engineState = new ReadOnlyObjectWrapper<>(State.NEW);
    private final ReadOnlyObjectWrapper<ConsoleState> consoleState =
            new ReadOnlyObjectWrapper<>(ConsoleState.NOT_STARTED);
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper("Not started");
    private String engineMessage = "Not started";
    private boolean paused;
    private String backpressure = "";
    private final ReadOnlyStringWrapper clusterText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<BannerKind> bannerKind = new ReadOnlyObjectWrapper<>(BannerKind.NONE);
    private final ReadOnlyStringWrapper bannerText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper logFile = new ReadOnlyStringWrapper("");
    private Instant bannerUntil;

    public MainModel(SnapshotSaver snapshots, Executor fxExecutor) {
        this.snapshots = Objects.requireNonNull(snapshots);
        this.fxExecutor = Objects.requireNonNull(fxExecutor);
    }

    // ---- Properties ----------------------------------------------------------------------------

    public ReadOnlyObjectProperty<Theme> themeProperty() {
        return theme.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty presenterModeProperty() {
        return presenterMode.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty fullScreenProperty() {
        return fullScreen.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty helpVisibleProperty() {
        return helpVisible.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> engineStateProperty() {
        return engineState.getReadOnlyProperty();
    }

    /** The state the header chip and the status bar show: the engine's, with paused and backpressure. */
    public ReadOnlyObjectProperty<ConsoleState> consoleStateProperty() {
        return consoleState.getReadOnlyProperty();
    }

    /** The status bar's line; it starts with the state's word, e.g. "Paused: …". */
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    /** Which Kafka the console talks to. */
    public ReadOnlyStringProperty clusterTextProperty() {
        return clusterText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BannerKind> bannerKindProperty() {
        return bannerKind.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bannerTextProperty() {
        return bannerText.getReadOnlyProperty();
    }

    /** A passing message for the status bar: snapshot saved, settings applied. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    public Path snapshotFolder() {
        return snapshots.folder();
    }

    /** Where this run's JSON log lines go, for the help screen; empty until known. */
    public ReadOnlyStringProperty logFileProperty() {
        return logFile.getReadOnlyProperty();
    }

    /** Tells the console where its log file is (the installed app writes it in the per-user data folder). */
    public void showLogFile(Path file) {
        logFile.set(file.toAbsolutePath().toString());
    }

    // ---- Commands ------------------------------------------------------------------------------

    public void toggleTheme() {
        theme.set(theme.get().next());
    }

    public void setTheme(Theme t) {
        theme.set(Objects.requireNonNull(t));
    }

    public void togglePresenterMode() {
        presenterMode.set(!presenterMode.get());
    }

    /** Asks for full screen on or off; the view applies it to the window and reports back. */
    public void toggleFullScreen() {
        fullScreen.set(!fullScreen.get());
    }

    /** The window left or entered full screen by itself (e.g. Esc). */
    public void fullScreenChanged(boolean on) {
        fullScreen.set(on);
    }

    public void toggleHelp() {
        helpVisible.set(!helpVisible.get());
    }

    public void hideHelp() {
        helpVisible.set(false);
    }

    public void showNotice(String text) {
        notice.set(Objects.requireNonNull(text));
    }

    /** Saves the dashboard image and the analytics report; the outcome appears as a notice. */
    public void saveSnapshot() {
        if (saving.get()) {
            return;
        }
        saving.set(true);
        notice.set("Saving a snapshot…");
        snapshots
                .save()
                .whenCompleteAsync(
                        (files, error) -> {
                            saving.set(false);
                            if (error != null) {
                                Throwable cause = error.getCause() != null ? error.getCause() : error;
                                notice.set("Could not save the snapshot: " + cause.getMessage());
                            } else {
                                notice.set("Saved " + names(files) + " to " + snapshots.folder());
                            }
                        },
                        fxExecutor);
    }

    /** The producer was paused or resumed. */
    public void setPaused(boolean paused) {
        this.paused = paused;
        refreshState();
    }

    /**
     * @param explanation empty while the consumers keep up; otherwise what the status bar says, e.g.
     *                    "consumers keep up with 8,400/s; the producer is held there"
     */
    public void setBackpressure(String explanation) {
        this.backpressure = Objects.requireNonNull(explanation);
        refreshState();
    }

    public void applyStatus(EngineStatus status, Instant now) {
        State previous = engineState.get();
        engineState.set(status.state());
        engineMessage = status.message();
        refreshState();
        if (status.bootstrapServers() != null) {
            clusterText.set(
                    (status.embeddedBroker() ? "Embedded Kafka broker at " : "Kafka at ") + status.bootstrapServers());
        }
        switch (status.state()) {
            case STARTING -> banner(BannerKind.INFO, status.message(), null);
            case RUNNING -> {
                if (previous == State.DISCONNECTED) {
                    banner(BannerKind.SUCCESS, "Connection to Kafka is back: streaming again", now.plus(GOOD_NEWS_FOR));
                } else {
                    banner(BannerKind.NONE, "", null);
                }
            }
            case DISCONNECTED -> banner(BannerKind.DANGER, status.message(), null);
            case FAILED ->
                banner(
                        BannerKind.DANGER,
                        "Could not start: " + status.message() + " (Settings… chooses another cluster)",
                        null);
            case STOPPING, STOPPED -> banner(BannerKind.INFO, status.message(), null);
            default -> banner(BannerKind.NONE, "", null);
        }
    }

    private void refreshState() {
        ConsoleState state = ConsoleState.of(engineState.get(), paused, !backpressure.isEmpty());
        consoleState.set(state);
        statusText.set(
                switch (state) {
                    case PAUSED -> "Paused: the producer sends nothing until you resume (Space)";
                    case BACKPRESSURE -> "Backpressure: " + backpressure;
                    default -> withLabel(state, engineMessage);
                });
    }

    /** "Streaming" stays as it is; "Lost the connection…" becomes "Reconnecting: Lost the connection…". */
    private static String withLabel(ConsoleState state, String message) {
        if (message == null || message.isBlank()) {
            return state.label();
        }
        return message.toLowerCase(java.util.Locale.ROOT)
                        .startsWith(state.label().toLowerCase(java.util.Locale.ROOT))
                ? message
                : state.label() + ": " + message;
    }

    /** Called on every UI tick: lets a passing banner go. */
    public void tick(Instant now) {
        if (bannerUntil != null && !now.isBefore(bannerUntil)) {
            banner(BannerKind.NONE, "", null);
        }
    }

    private void banner(BannerKind kind, String text, Instant until) {
        bannerKind.set(kind);
        bannerText.set(text);
        bannerUntil = until;
    }

    private static String names(List<java.nio.file.Path> files) {
        return files.stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(" and "));
    }
}
