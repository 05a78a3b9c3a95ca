package com.activitytracker.app.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.activitytracker.engine.EngineStatus;
import com.activitytracker.engine.generator.Scenario;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ControlsModelTest {
    private final FakeEngine engine = new FakeEngine();
    private final ControlsModel controls = new ControlsModel(engine);

    @Test
    void startsFromTheEngineRate() {
        assertThat(controls.targetRateTextProperty().get()).isEqualTo("Target 10/s");
        assertThat(controls.sliderPositionProperty().get()).isEqualTo(RateScale.positionOf(10));
        assertThat(controls.rateTextProperty().get()).isEqualTo("10");
    }

    @Test
    void movingTheSliderSetsARoundedRate() {
        controls.sliderPositionProperty().set(RateScale.positionOf(1_234));
        assertThat(engine.rate).isEqualTo(1_200);
        assertThat(controls.rateTextProperty().get()).isEqualTo("1,200");
    }

    @Test
    void anExactTypedRateIsKeptExactAndMovesTheSlider() {
        controls.rateTextProperty().set("1234");
        controls.applyRateText();
        assertThat(engine.rate).isEqualTo(1_234);
        assertThat(controls.sliderPositionProperty().get()).isEqualTo(RateScale.positionOf(1_234));
        assertThat(controls.rateErrorProperty().get()).isEmpty();
    }

    @Test
    void aBadTypedRateLeavesTheRateAndSaysWhy() {
        controls.rateTextProperty().set("lots");
        controls.applyRateText();
        assertThat(engine.rate).isEqualTo(10);
        assertThat(controls.rateErrorProperty().get()).contains("1 to 50,000");
    }

    @Test
    void scalingDoublesAndStaysOnTheScale() {
        controls.scaleRate(2);
        assertThat(engine.rate).isEqualTo(20);
        controls.setRate(40_000);
        controls.scaleRate(2);
        assertThat(engine.rate).isEqualTo(50_000);
    }

    @Test
    void pauseTogglesAndRelabelsTheButton() {
        controls.togglePause();
        assertThat(engine.paused).isTrue();
        assertThat(controls.pauseLabelProperty().get()).isEqualTo("Resume");
        controls.togglePause();
        assertThat(engine.paused).isFalse();
        assertThat(controls.pauseLabelProperty().get()).isEqualTo("Pause");
    }

    @Test
    void aSnapshotTakenBeforeThePauseDoesNotFlipTheButtonBack() {
        controls.togglePause();
        controls.applySnapshot(TestSnapshots.snapshot(TestSnapshots.T0, 1, 1, 1));
        assertThat(controls.pauseLabelProperty().get()).isEqualTo("Resume");
    }

    @Test
    void injectingNamesTheScenarioAndUser() {
        controls.inject(Scenario.BOT_BURST);
        assertThat(engine.injected).containsExactly(Scenario.BOT_BURST);
        assertThat(controls.lastActionProperty().get()).isEqualTo("Injected Bot burst as user user-9");
    }

    @Test
    void scenariosNeedARunningEngine() {
        controls.applyStatus(TestSnapshots.status(EngineStatus.State.STARTING));
        assertThat(controls.engineRunningProperty().get()).isFalse();
        controls.applyStatus(TestSnapshots.status(EngineStatus.State.RUNNING));
        assertThat(controls.engineRunningProperty().get()).isTrue();
    }

    @Test
    void snapshotsShowTheAchievedRate() {
        controls.applySnapshot(TestSnapshots.snapshot(TestSnapshots.T0, 1, 1, 1));
        assertThat(controls.achievedRateTextProperty().get()).isEqualTo("Achieved 99/s");
    }
}
