package com.activitytracker.app.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.activitytracker.engine.EngineStatus;
import com.activitytracker.engine.EngineStatus.State;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class MainModelTest {
    private static final java.time.Instant T0 = TestSnapshots.T0;

    private CompletableFuture<List<Path>> saving = new CompletableFuture<>();
    private final SnapshotSaver saver = new SnapshotSaver() {
        @Override
        public Path folder() {
            return Path.of("/tmp/snaps");
        }

        @Override
        public CompletionStage<List<Path>> save() {
            return saving;
        }
    };
    private final MainModel main = new MainModel(saver, Runnable::run);

    @Test
    void darkIsTheDefaultThemeAndTogglesToLight() {
        assertThat(main.themeProperty().get()).isEqualTo(Theme.DARK);
        main.toggleTheme();
        assertThat(main.themeProperty().get()).isEqualTo(Theme.LIGHT);
        main.toggleTheme();
        assertThat(main.themeProperty().get()).isEqualTo(Theme.DARK);
    }

    @Test
    void presenterModeFullScreenAndHelpToggle() {
        main.togglePresenterMode();
        main.toggleFullScreen();
        main.toggleHelp();
        assertThat(main.presenterModeProperty().get()).isTrue();
        assertThat(main.fullScreenProperty().get()).isTrue();
        assertThat(main.helpVisibleProperty().get()).isTrue();
        main.hideHelp();
        main.fullScreenChanged(false);
        assertThat(main.helpVisibleProperty().get()).isFalse();
        assertThat(main.fullScreenProperty().get()).isFalse();
    }

    @Test
    void everyEngineStateIsShownInWordsWithItsOwnStyleClass() {
        main.applyStatus(new EngineStatus(State.STARTING, "Starting the embedded Kafka broker…", null, true), T0);
        assertThat(main.consoleStateProperty().get()).isEqualTo(ConsoleState.STARTING);
        assertThat(main.statusTextProperty().get()).isEqualTo("Starting the embedded Kafka broker…");

        main.applyStatus(new EngineStatus(State.RUNNING, "Streaming", "localhost:1234", true), T0);
        assertThat(main.consoleStateProperty().get()).isEqualTo(ConsoleState.STREAMING);
        assertThat(main.statusTextProperty().get()).isEqualTo("Streaming");

        main.applyStatus(
                new EngineStatus(
                        State.DISCONNECTED,
                        "Lost the connection to Kafka at localhost:1234; retrying…",
                        "localhost:1234",
                        true),
                T0);
        assertThat(main.consoleStateProperty().get()).isEqualTo(ConsoleState.RECONNECTING);
        assertThat(main.statusTextProperty().get())
                .isEqualTo("Reconnecting: Lost the connection to Kafka at localhost:1234; retrying…");

        main.applyStatus(new EngineStatus(State.STOPPED, "Stopped", "localhost:1234", true), T0);
        assertThat(main.consoleStateProperty().get()).isEqualTo(ConsoleState.STOPPED);
        assertThat(main.statusTextProperty().get()).isEqualTo("Stopped");
        assertThat(java.util.Arrays.stream(ConsoleState.values())
                        .map(ConsoleState::styleClass)
                        .distinct())
                .hasSize(ConsoleState.values().length);
    }

    @Test
    void pauseShowsPausedUntilResumedAndOutranksBackpressure() {
        main.applyStatus(new EngineStatus(State.RUNNING, "Streaming", "localhost:1234", true), T0);
        main.setBackpressure("consumers keep up with 8,000/s");
        assertThat(main.consoleStateProperty().get()).isEqualTo(ConsoleState.BACKPRESSURE);
        assertThat(main.statusTextProperty().get()).isEqualTo("Backpressure: consumers keep up with 8,000/s");

        main.setPaused(true);
        assertThat(main.consoleStateProperty().get().label()).isEqualTo("Paused");
        assertThat(main.statusTextProperty().get()).startsWith("Paused");
        // a status published while paused (e.g. reconnected) does not hide the pause
        main.applyStatus(new EngineStatus(State.RUNNING, "Connection to Kafka is back", "localhost:1234", true), T0);
        assertThat(main.consoleStateProperty().get()).isEqualTo(ConsoleState.PAUSED);

        main.setPaused(false);
        main.setBackpressure("");
        assertThat(main.consoleStateProperty().get()).isEqualTo(ConsoleState.STREAMING);
        assertThat(main.statusTextProperty().get()).isEqualTo("Streaming: Connection to Kafka is back");
    }

    @Test
    void startingShowsAnInfoBannerThatGoesWhenStreaming() {
        main.applyStatus(new EngineStatus(State.STARTING, "Starting the embedded Kafka broker…", null, true), T0);
        assertThat(main.bannerKindProperty().get()).isEqualTo(BannerKind.INFO);
        assertThat(main.bannerTextProperty().get()).isEqualTo("Starting the embedded Kafka broker…");
        main.applyStatus(new EngineStatus(State.RUNNING, "Streaming", "localhost:1234", true), T0);
        assertThat(main.bannerKindProperty().get()).isEqualTo(BannerKind.NONE);
        assertThat(main.clusterTextProperty().get()).isEqualTo("Embedded Kafka broker at localhost:1234");
    }

    @Test
    void disconnectedShowsADangerBannerUntilTheConnectionIsBack() {
        main.applyStatus(TestSnapshots.status(State.RUNNING), T0);
        main.applyStatus(new EngineStatus(State.DISCONNECTED, "Lost the connection to Kafka", "k:9092", false), T0);
        assertThat(main.bannerKindProperty().get()).isEqualTo(BannerKind.DANGER);
        main.tick(T0.plusSeconds(60));
        assertThat(main.bannerKindProperty().get()).isEqualTo(BannerKind.DANGER);

        main.applyStatus(
                new EngineStatus(State.RUNNING, "Connection to Kafka is back", "k:9092", false), T0.plusSeconds(60));
        assertThat(main.bannerKindProperty().get()).isEqualTo(BannerKind.SUCCESS);
        assertThat(main.bannerTextProperty().get()).contains("back");
        main.tick(T0.plusSeconds(61));
        assertThat(main.bannerKindProperty().get()).isEqualTo(BannerKind.SUCCESS);
        main.tick(T0.plusSeconds(60).plus(MainModel.GOOD_NEWS_FOR));
        assertThat(main.bannerKindProperty().get()).isEqualTo(BannerKind.NONE);
    }

    @Test
    void aFailedStartSaysWhy() {
        main.applyStatus(new EngineStatus(State.FAILED, "Kafka at k:9092 is unreachable", null, false), T0);
        assertThat(main.bannerKindProperty().get()).isEqualTo(BannerKind.DANGER);
        assertThat(main.bannerTextProperty().get()).contains("Kafka at k:9092 is unreachable");
    }

    @Test
    void savingASnapshotReportsTheFilesAndTheFolder() {
        main.saveSnapshot();
        assertThat(main.savingProperty().get()).isTrue();
        assertThat(main.noticeProperty().get()).isEqualTo("Saving a snapshot…");
        saving.complete(List.of(Path.of("/tmp/snaps/dashboard.png"), Path.of("/tmp/snaps/analytics.json")));
        assertThat(main.savingProperty().get()).isFalse();
        assertThat(main.noticeProperty().get()).isEqualTo("Saved dashboard.png and analytics.json to /tmp/snaps");
    }

    @Test
    void aFailedSaveSaysWhy() {
        main.saveSnapshot();
        saving.completeExceptionally(new IOException("disk full"));
        assertThat(main.noticeProperty().get()).isEqualTo("Could not save the snapshot: disk full");
    }

    @Test
    void theHelpSaysWhereTheLogFileIs() {
        assertThat(main.logFileProperty().get()).isEmpty();

        main.showLogFile(Path.of("/home/ann/.local/share/activity-tracker/logs/activity-tracker.jsonl"));

        assertThat(main.logFileProperty().get())
                .isEqualTo("/home/ann/.local/share/activity-tracker/logs/activity-tracker.jsonl");
    }
}
