package com.activitytracker.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.activitytracker.engine.Engine;
import com.activitytracker.engine.EngineStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
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
        assertEngineThreadsBelowTheFxThread();
        fx.assertNoFxErrors();
    }

    /** The restarted engine's threads, the broker's among them, at the lowest priority; the FX thread at the normal one. */
    private static void assertEngineThreadsBelowTheFxThread() {
        Map<String, Integer> priorities = Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .collect(Collectors.toMap(Thread::getName, Thread::getPriority, Math::max));
        assertThat(priorities)
                .containsEntry("activity-producer", Thread.MIN_PRIORITY)
                .containsEntry("analytics-consumer", Thread.MIN_PRIORITY)
                .containsEntry("fraud-consumer", Thread.MIN_PRIORITY)
                .containsEntry("engine-publisher", Thread.MIN_PRIORITY)
                .containsEntry("JavaFX Application Thread", Thread.NORM_PRIORITY);
        assertThat(priorities.entrySet().stream()
                        .filter(e -> e.getKey().startsWith("data-plane-kafka"))
                        .map(Map.Entry::getValue))
                .as("the embedded broker's request handlers")
                .isNotEmpty()
                .containsOnly(Thread.MIN_PRIORITY);
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
