package com.activitytracker.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.activitytracker.engine.EngineStatus;
import com.activitytracker.engine.config.Settings;
import com.activitytracker.engine.config.SettingsLoader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * One console with a real engine (embedded broker in a temporary DATA_DIR), shared by the tests of one
 * class. Exceptions thrown on the FX thread are collected so tests can fail on them.
 */
final class ConsoleFixture {
    static final Duration ENGINE_START = Duration.ofSeconds(90);

    final TrackerConsole console;
    final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
    final List<Throwable> fxErrors = new CopyOnWriteArrayList<>();
    final FxRobot robot = new FxRobot();
    final Path snapshotFolder;
    /** Every banner text shown, in order, from the moment the console opened. */
    final List<String> bannerHistory = new CopyOnWriteArrayList<>();
    /** Engine states seen while the window was already showing. */
    final List<EngineStatus.State> statesWhileShowing = new CopyOnWriteArrayList<>();

    private ConsoleFixture(Path dir, Map<String, String> extra) throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        snapshotFolder = dir.resolve("snapshots");
        Map<String, String> base = new HashMap<>(Map.of(
                Settings.DATA_DIR,
                dir.resolve("data").toString(),
                Settings.LOG_DIR,
                dir.resolve("logs").toString(),
                Settings.EVENTS_PER_SECOND,
                "50"));
        base.putAll(extra);
        // an empty environment: the machine's KAFKA_* variables must not leak into the test
        SettingsLoader loader = new SettingsLoader(Map.of(), dir, dir, "Linux");
        Settings settings = loader.load(null, base);
        console = new TrackerConsole(
                settings,
                overrides -> {
                    Map<String, String> all = new HashMap<>(base);
                    all.putAll(overrides);
                    return loader.load(null, all);
                },
                snapshotFolder,
                Clock.systemDefaultZone(),
                exitCode::complete);
        FxToolkit.setupFixture(() -> {
            Thread.currentThread().setUncaughtExceptionHandler((t, e) -> fxErrors.add(e));
            console.start(stage);
            console.model().main().bannerTextProperty().addListener((obs, old, text) -> bannerHistory.add(text));
            console.model().main().engineStateProperty().addListener((obs, old, state) -> {
                if (stage.isShowing()) {
                    statesWhileShowing.add(state);
                }
            });
            stage.toFront();
            stage.requestFocus();
        });
    }

    static ConsoleFixture start(Path dir) throws Exception {
        return new ConsoleFixture(dir, Map.of());
    }

    /** With extra settings, e.g. an external cluster's bootstrap servers. */
    static ConsoleFixture start(Path dir, Map<String, String> settings) throws Exception {
        return new ConsoleFixture(dir, settings);
    }

    ConsoleFixture awaitRunning() {
        await().atMost(ENGINE_START)
                .until(() -> console.session().engine().status().state() == EngineStatus.State.RUNNING);
        // and the console has shown it: the feed hands status over on its next drain
        await().atMost(Duration.ofSeconds(5))
                .until(() -> console.model().main().engineStateProperty().get() == EngineStatus.State.RUNNING);
        return this;
    }

    Scene scene() {
        return console.stage().getScene();
    }

    <T extends Node> T lookup(String query) {
        return robot.lookup(query).query();
    }

    /** Fails the test with any exception thrown on the FX thread since the last check. */
    void assertNoFxErrors() {
        List<Throwable> seen = List.copyOf(fxErrors);
        fxErrors.clear();
        assertThat(seen).as("exceptions on the FX thread").isEmpty();
    }

    /** Stops the console if a test left it running; waits for the engine to stop. */
    void close() throws Exception {
        FxToolkit.setupFixture(() -> console.shutdown(0));
        exitCode.get(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** The text a label's or cell's skin actually draws (with an ellipsis when cut); null before the skin exists. */
    static String shownText(Labeled labeled) {
        return labeled.getChildrenUnmodifiable().stream()
                .filter(Text.class::isInstance)
                .map(n -> ((Text) n).getText())
                .findFirst()
                .orElse(null);
    }
}
