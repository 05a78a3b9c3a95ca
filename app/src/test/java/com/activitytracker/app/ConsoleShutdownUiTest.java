package com.activitytracker.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.activitytracker.engine.Engine;
import com.activitytracker.engine.EngineStatus;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.TextField;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's lifecycle from the window: new settings restart it, closing the window stops the
 * producer, the consumers and the embedded broker, then exits. Ordered: the second test ends the console.
 */
@Tag("ui")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleShutdownUiTest {
    @TempDir
    static Path dir;

    private static ConsoleFixture fx;

    @BeforeAll
    static void openConsole() throws Exception {
        fx = ConsoleFixture.start(dir).awaitRunning();
    }

    @Test
    @Order(1)
    void applyingNewSettingsRestartsTheEngineKeepingTheRate() {
        Engine before = fx.console.session().engine();
        fx.robot.interact(() -> fx.console.model().controls().setRate(70));
        fx.robot.clickOn("#settings-button");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> fx.robot.lookup("#topic-field").tryQuery().isPresent());
        TextField topic = fx.lookup("#topic-field");
        fx.robot.interact(() -> topic.setText("restarted-activities"));
        fx.robot.clickOn("#settings-apply");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> fx.robot.lookup("#topic-field").tryQuery().isEmpty());
        await().atMost(ConsoleFixture.ENGINE_START)
                .until(() -> fx.console.session().engine() != before
                        && fx.console.session().engine().status().state() == EngineStatus.State.RUNNING);
        assertThat(before.status().state()).isEqualTo(EngineStatus.State.STOPPED);
        Engine after = fx.console.session().engine();
        assertThat(after.settings().activitiesTopic()).isEqualTo("restarted-activities");
        assertThat(after.targetRate()).isEqualTo(70);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> after.latestSnapshot() != null
                        && after.latestSnapshot().producer().sent() > 0);
        fx.assertNoFxErrors();
    }

    @Test
    @Order(2)
    void closingTheWindowStopsTheEngineWithinFiveSeconds() {
        Engine engine = fx.console.session().engine();
        long start = System.nanoTime();
        fx.robot.interact(() ->
                fx.console.stage().fireEvent(new WindowEvent(fx.console.stage(), WindowEvent.WINDOW_CLOSE_REQUEST)));

        await().atMost(Duration.ofSeconds(TrackerConsole.SHUTDOWN_SECONDS))
                .until(() -> engine.status().state() == EngineStatus.State.STOPPED);
        await().atMost(Duration.ofSeconds(TrackerConsole.SHUTDOWN_SECONDS)).until(fx.exitCode::isDone);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
        assertThat(fx.exitCode.join()).isZero();
        assertThat(fx.console.stage().isShowing()).isFalse();
        assertThat(fx.console.model().main().engineStateProperty().get()).isEqualTo(EngineStatus.State.STOPPED);
        fx.assertNoFxErrors();
    }
}
