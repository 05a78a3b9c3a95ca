package com.activitytracker.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.activitytracker.engine.Engine;
import com.activitytracker.engine.EngineStatus;
import java.nio.file.Path;
import java.time.Duration;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closing the window stops the producer, the consumers and the embedded broker, then exits. */
@Tag("ui")
class ConsoleShutdownUiTest {
    @TempDir
    static Path dir;
    private static ConsoleFixture fx;

    @BeforeAll
    static void openConsole() throws Exception {
        fx = ConsoleFixture.start(dir).awaitRunning();
    }

    @Test
    void closingTheWindowStopsTheEngineWithinFiveSeconds() {
        Engine engine = fx.console.session().engine();
        long start = System.nanoTime();
        fx.robot.interact(() -> fx.console.stage().fireEvent(
                new WindowEvent(fx.console.stage(), WindowEvent.WINDOW_CLOSE_REQUEST)));

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
