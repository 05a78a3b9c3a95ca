package com.activitytracker.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.activitytracker.app.model.RateScale;
import com.activitytracker.app.view.ThemeStyler;
import com.activitytracker.app.view.WhatIfDialog;
import com.activitytracker.engine.Engine;
import com.activitytracker.engine.EngineSnapshot;
import com.activitytracker.engine.EngineStatus;
import com.activitytracker.engine.fraud.FraudAlert;
import com.activitytracker.engine.generator.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console against a real engine and embedded broker, driven through its widgets and keys. */
@Tag("ui")
class ConsoleUiTest {
    private static final Duration SOON = Duration.ofSeconds(30);

    @TempDir
    static Path dir;

    private static ConsoleFixture fx;

    @BeforeAll
    static void openConsole() throws Exception {
        fx = ConsoleFixture.start(dir).awaitRunning();
    }

    @AfterAll
    static void closeConsole() throws Exception {
        if (fx != null) {
            fx.close();
        }
    }

    @AfterEach
    void noExceptionsOnTheFxThread() {
        fx.assertNoFxErrors();
    }

    private static Engine engine() {
        return fx.console.session().engine();
    }

    private static long sent() {
        EngineSnapshot s = engine().latestSnapshot();
        return s == null ? 0 : s.producer().sent();
    }

    @Test
    void statusShowsStreamingOnceTheEmbeddedBrokerRuns() {
        await().atMost(SOON)
                .untilAsserted(() ->
                        assertThat(fx.<Label>lookup("#engine-state").getText()).isEqualTo("Streaming"));
        assertThat(fx.<Label>lookup("#status-banner").isVisible()).isFalse();
    }

    @Test
    void theWindowOpensAtOnceAndShowsTheBrokerStarting() {
        assertThat(fx.statesWhileShowing)
                .startsWith(EngineStatus.State.STARTING)
                .contains(EngineStatus.State.RUNNING);
        assertThat(fx.bannerHistory).contains("Starting the embedded Kafka broker…");
        assertThat(fx.bannerHistory.get(fx.bannerHistory.size() - 1)).isEmpty();
    }

    @Test
    void f11TogglesFullScreen() {
        fx.robot.clickOn("#tiles").type(KeyCode.F11);
        await().atMost(SOON).until(() -> fx.console.stage().isFullScreen());
        fx.robot.type(KeyCode.F11);
        await().atMost(SOON).until(() -> !fx.console.stage().isFullScreen());
    }

    @Test
    void movingTheSliderChangesTheEngineTargetRate() {
        Slider slider = fx.lookup("#rate-slider");
        fx.robot.interact(() -> slider.setValue(RateScale.positionOf(1_000)));
        assertThat(engine().targetRate()).isEqualTo(1_000);
        assertThat(fx.<Label>lookup("#target-rate").getText()).isEqualTo("Target 1,000/s");

        fx.robot.interact(() -> slider.setValue(RateScale.positionOf(50)));
        assertThat(engine().targetRate()).isEqualTo(50);
    }

    // below the rate the console follows at once; above it, with "Keep lag under a second" on, it ramps
    // (ConsoleBackpressureUiTest)
    @Test
    void typingAnExactRateAppliesIt() {
        TextField field = fx.lookup("#rate-field");
        fx.robot.interact(() -> {
            field.setText("789");
            field.fireEvent(new javafx.event.ActionEvent());
        });
        assertThat(engine().targetRate()).isEqualTo(789);
        assertThat(fx.<Slider>lookup("#rate-slider").getValue())
                .isCloseTo(RateScale.positionOf(789), org.assertj.core.data.Offset.offset(1e-9));
        fx.robot.interact(() -> fx.console.model().controls().setRate(50));
    }

    @Test
    void aScenarioButtonProducesAnAlertRowWithinSeconds() {
        fx.robot.clickOn("#inject-WHALE_PURCHASE");
        ListView<FraudAlert> table = fx.lookup("#alert-list");
        await().atMost(SOON)
                .untilAsserted(() -> assertThat(table.getItems())
                        .extracting(FraudAlert::rule)
                        .contains("HIGH_VALUE_PURCHASE"));
        await().atMost(SOON)
                .untilAsserted(
                        () -> assertThat(fx.<Label>lookup("#scoreboard-summary").getText())
                                .startsWith("Caught"));

        fx.robot.interact(() -> table.getSelectionModel().select(0));
        assertThat(fx.console.model().alerts().detailsProperty().get()).contains("Evidence");
    }

    @Test
    void tilesAndChartsUpdateWhileStreaming() {
        Label total = fx.lookup("#tile-total-events-value");
        await().atMost(SOON).until(() -> count(total.getText()) > 0);
        long first = count(total.getText());
        await().atMost(SOON).until(() -> count(total.getText()) > first);

        LineChart<?, ?> throughput = fx.lookup("#throughput-chart");
        await().atMost(SOON).until(() -> throughput.getData().get(1).getData().size() >= 3);
        assertThat(fx.<Label>lookup("#tile-events-per-second-value").getText()).isNotEqualTo("–");
    }

    @Test
    void pauseStopsTheCountersAndSpaceResumes() {
        fx.robot.clickOn("#pause-button");
        assertThat(engine().isPaused()).isTrue();
        assertThat(fx.<javafx.scene.control.Button>lookup("#pause-button").getText())
                .isEqualTo("Resume");
        // the header chip and the status bar both say so, and not "Streaming" from a stale snapshot
        await().atMost(SOON).untilAsserted(() -> {
            assertThat(fx.<Label>lookup("#engine-state").getText()).isEqualTo("Paused");
            assertThat(fx.<Label>lookup("#status-text").getText()).startsWith("Paused");
            assertThat(fx.<Label>lookup("#engine-state").getStyleClass()).contains("state-paused");
            assertThat(fx.<Label>lookup("#status-text").getStyleClass()).contains("state-paused");
        });

        AtomicLong previous = new AtomicLong(-1);
        await().atMost(SOON).pollInterval(Duration.ofSeconds(1)).until(() -> previous.getAndSet(sent()) == sent());
        long stopped = sent();
        await().pollDelay(Duration.ofSeconds(2)).atMost(SOON).until(() -> sent() == stopped);

        fx.robot.clickOn("#tiles").type(KeyCode.SPACE);
        await().atMost(SOON).until(() -> !engine().isPaused());
        await().atMost(SOON).until(() -> sent() > stopped);
        await().atMost(SOON).untilAsserted(() -> {
            assertThat(fx.<Label>lookup("#engine-state").getText()).isEqualTo("Streaming");
            assertThat(fx.<Label>lookup("#status-text").getText()).startsWith("Streaming");
        });
    }

    @Test
    void themeAndPresenterModeSwitchFromTheKeyboard() {
        fx.robot.clickOn("#tiles");
        assertThat(fx.scene().getStylesheets()).anyMatch(s -> s.endsWith("styles/dark.css"));

        fx.robot.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
        assertThat(fx.scene().getStylesheets())
                .anyMatch(s -> s.endsWith("styles/light.css"))
                .noneMatch(s -> s.endsWith("styles/dark.css"));
        fx.robot.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
        assertThat(fx.scene().getStylesheets()).anyMatch(s -> s.endsWith("styles/dark.css"));

        fx.robot.press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);
        assertThat(fx.scene().getRoot().getStyleClass()).contains(ThemeStyler.PRESENTER_CLASS);
        fx.robot.press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);
        assertThat(fx.scene().getRoot().getStyleClass()).doesNotContain(ThemeStyler.PRESENTER_CLASS);

        fx.robot.type(KeyCode.F1);
        assertThat(fx.<StackPane>lookup("#help-overlay").isVisible()).isTrue();
        assertThat(fx.robot.lookup("#help-overlay .help-key").queryAllAs(Label.class))
                .extracting(Label::getText)
                .contains("Space", "Ctrl+T", "Ctrl+P", "F11", "F1", "Ctrl+S");
        fx.robot.type(KeyCode.ESCAPE);
        assertThat(fx.<StackPane>lookup("#help-overlay").isVisible()).isFalse();
    }

    @Test
    void settingsDialogRejectsABadBootstrapServerWithTheLoadersMessage() {
        Engine before = engine();
        fx.robot.clickOn("#settings-button");
        await().atMost(SOON)
                .until(() -> fx.robot.lookup("#bootstrap-field").tryQuery().isPresent());
        TextField bootstrap = fx.lookup("#bootstrap-field");
        fx.robot.interact(() -> bootstrap.setText("not a server"));
        fx.robot.clickOn("#settings-apply");
        await().atMost(SOON)
                .untilAsserted(
                        () -> assertThat(fx.<Label>lookup("#settings-error").getText())
                                .contains("KAFKA_BOOTSTRAP_SERVERS must be host:port"));
        assertThat(engine()).isSameAs(before);

        fx.robot.clickOn("#settings-cancel");
        await().atMost(SOON)
                .until(() -> fx.robot.lookup("#bootstrap-field").tryQuery().isEmpty());
        List<Window> open =
                Window.getWindows().stream().filter(Window::isShowing).toList();
        assertThat(open).hasSize(1);
    }

    @Test
    void thresholdSpinnersApplyToTheRunningDetector() {
        Spinner<Integer> velocity = fx.lookup("#velocity-max-events");
        fx.robot.interact(() -> velocity.getValueFactory().setValue(44));
        assertThat(engine().thresholds().velocityMaxEvents()).isEqualTo(44);
        fx.robot.interact(() -> velocity.decrement());
        assertThat(engine().thresholds().velocityMaxEvents()).isEqualTo(43);
        fx.robot.interact(() -> velocity.getValueFactory().setValue(30));
        assertThat(engine().thresholds().velocityMaxEvents()).isEqualTo(30);
    }

    @Test
    void controlUpDoublesTheRate() {
        fx.robot.interact(() -> fx.console.model().controls().setRate(50));
        fx.robot.clickOn("#tiles").press(KeyCode.CONTROL, KeyCode.UP).release(KeyCode.UP, KeyCode.CONTROL);
        assertThat(engine().targetRate()).isEqualTo(100);
        fx.robot.interact(() -> fx.console.model().controls().setRate(50));
    }

    @Test
    void saveSnapshotWritesTheDashboardPngAndTheAnalyticsJson() {
        fx.robot.clickOn("#snapshot-button");
        await().atMost(SOON).untilAsserted(() -> {
            assertThat(files("png"))
                    .as(fx.console.model().main().noticeProperty().get())
                    .isNotEmpty();
            assertThat(files("json")).isNotEmpty();
        });
        assertThat(fx.console.model().main().noticeProperty().get()).startsWith("Saved");
    }

    @Test
    void screenshotTourInjectsEveryScenarioAndSavesEachShot(@TempDir Path shots) throws Exception {
        CompletableFuture<Integer> finished = new CompletableFuture<>();
        fx.robot.interact(() -> new ScreenshotTour(
                        fx.console.model(),
                        fx.console.snapshots(),
                        shots,
                        finished::complete,
                        javafx.util.Duration.seconds(1),
                        javafx.util.Duration.seconds(2),
                        List.of(new WindowSize(1366, 768)),
                        fx.console::resize,
                        fx.console.whatIf(),
                        () -> new WhatIfDialog(fx.console.whatIf(), fx.console.stage()))
                .start());

        assertThat(finished.get(60, TimeUnit.SECONDS)).isZero();
        try (Stream<Path> files = Files.list(shots)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            "dashboard-dark.png",
                            "dashboard-light.png",
                            "dashboard-presenter.png",
                            "dashboard-help.png",
                            "what-if.png",
                            "dashboard-1366x768.png",
                            "dashboard-1366x768-presenter.png");
        }
        assertThat(fx.scene().getStylesheets()).anyMatch(s -> s.endsWith("styles/dark.css"));
        assertThat(fx.scene().getRoot().getStyleClass()).doesNotContain(ThemeStyler.PRESENTER_CLASS);
        assertThat(fx.console.model().main().helpVisibleProperty().get()).isFalse();
    }

    @Test
    void resetClearsTheFeedAndTheScoreboard() {
        fx.robot.interact(() -> fx.console.model().controls().inject(Scenario.CARD_TESTING));
        await().atMost(SOON).until(() -> !fx.console.model().scoreboard().rows().isEmpty());
        // the attack's alert too: one still on its way when Reset is clicked arrives after it, as it should
        await().atMost(SOON)
                .until(() -> fx.console.model().alerts().allAlerts().stream()
                        .anyMatch(a -> a.rule().equals("CARD_TESTING")));
        fx.robot.clickOn("#reset-button");
        assertThat(fx.console.model().alerts().allAlerts()).isEmpty();
        assertThat(fx.console.model().scoreboard().rows()).isEmpty();
    }

    private static List<Path> files(String extension) throws java.io.IOException {
        if (!Files.isDirectory(fx.snapshotFolder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(fx.snapshotFolder)) {
            return s.filter(p -> p.toString().endsWith("." + extension)).toList();
        }
    }

    private static long count(String text) {
        String digits = text.replace(",", "");
        return digits.matches("\\d+") ? Long.parseLong(digits) : -1;
    }
}
