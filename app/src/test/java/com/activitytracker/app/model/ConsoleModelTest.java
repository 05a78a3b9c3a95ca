package com.activitytracker.app.model;

import static com.activitytracker.app.model.TestSnapshots.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.activitytracker.app.feed.FeedUpdate;
import com.activitytracker.engine.EngineStatus.State;
import com.activitytracker.engine.fraud.Severity;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ConsoleModelTest {
    private final FakeEngine engine = new FakeEngine();
    private final MainModel main = new MainModel(
            new SnapshotSaver() {
                @Override
                public Path folder() {
                    return Path.of("snaps");
                }

                @Override
                public CompletionStage<List<Path>> save() {
                    return CompletableFuture.completedFuture(List.of());
                }
            },
            Runnable::run);
    private final ConsoleModel model = new ConsoleModel(engine, main, Clock.fixed(T0, ZoneOffset.UTC));

    @Test
    void oneUpdateReachesEveryPartOfTheConsole() {
        model.apply(new FeedUpdate(
                TestSnapshots.status(State.RUNNING),
                TestSnapshots.snapshot(T0, 10, 10, 10),
                List.of(TestSnapshots.alert("a1", Severity.HIGH)),
                0));
        assertThat(main.engineStateProperty().get()).isEqualTo(State.RUNNING);
        assertThat(model.controls().engineRunningProperty().get()).isTrue();
        assertThat(model.dashboard().tile("total-events").valueProperty().get()).isEqualTo("10");
        assertThat(model.alerts().allAlerts()).hasSize(1);
    }

    @Test
    void resetClearsTheEngineAndEveryFigure() {
        model.apply(new FeedUpdate(
                null, TestSnapshots.snapshot(T0, 10, 10, 10), List.of(TestSnapshots.alert("a1", Severity.LOW)), 0));
        model.reset();
        assertThat(engine.resets).isEqualTo(1);
        assertThat(model.alerts().allAlerts()).isEmpty();
        assertThat(model.dashboard().tile("total-events").valueProperty().get()).isEqualTo("–");
        assertThat(main.noticeProperty().get()).contains("cleared");
    }

    @Test
    void aSnapshotTakenBeforeTheResetDoesNotBringOldFiguresBack() {
        model.reset();
        model.apply(new FeedUpdate(null, TestSnapshots.snapshot(T0.minusMillis(100), 10, 10, 10), List.of(), 0));
        assertThat(model.dashboard().tile("total-events").valueProperty().get()).isEqualTo("–");
        model.apply(new FeedUpdate(null, TestSnapshots.snapshot(T0, 10, 10, 10), List.of(), 0));
        assertThat(model.dashboard().tile("total-events").valueProperty().get()).isEqualTo("10");
    }

    @Test
    void aNewEngineKeepsThePresentersRateAndClimbsToItFromAThousand() {
        FakeEngine fast = new FakeEngine();
        fast.setRate(20_000);
        ConsoleModel console = new ConsoleModel(fast, main, Clock.fixed(T0, ZoneOffset.UTC));
        assertThat(console.controls().targetRateProperty().get()).isEqualTo(20_000);
        assertThat(fast.rate).as("the launch climbs from 1,000/s").isEqualTo(1_000);

        console.controls().setRate(20_000); // the same rate again (the field applied, the slider let go)
        assertThat(fast.rate)
                .as("still climbing: choosing the same rate does not skip the hold")
                .isEqualTo(1_000);

        fast.setRate(4_321); // the old engine was held there when the settings were applied
        console.engineReplaced();
        assertThat(console.controls().targetRateProperty().get())
                .as("the slider stays the presenter's")
                .isEqualTo(20_000);
        assertThat(fast.rate).as("the new engine climbs again").isEqualTo(1_000);
    }

    @Test
    void anEmptyUpdateChangesNothing() {
        model.apply(new FeedUpdate(null, null, List.of(), 0));
        assertThat(main.engineStateProperty().get()).isEqualTo(State.NEW);
    }
}
