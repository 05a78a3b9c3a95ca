package com.activitytracker.app.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.activitytracker.engine.EngineSnapshot;
import com.activitytracker.engine.consumer.ConsumerStats;
import com.activitytracker.engine.producer.ProducerStats;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class BackpressureModelTest {
    private final FakeEngine engine = new FakeEngine();
    private final BackpressureModel backpressure = new BackpressureModel(engine, 50_000);
    private Instant now = TestSnapshots.T0;
    private long analysed;
    private long checked;

    /** Streams for {@code seconds} in 250-ms snapshots: the producer at {@code produced}/s, the consumers at {@code consumed}/s. */
    private void stream(double seconds, double produced, double consumed, double lagSeconds) {
        for (int i = 0; i < seconds * 4; i++) {
            now = now.plus(Duration.ofMillis(250));
            analysed += (long) (consumed / 4);
            checked += (long) (consumed / 4);
            backpressure.apply(snapshot(produced, lagSeconds));
        }
    }

    private EngineSnapshot snapshot(double produced, double lagSeconds) {
        EngineSnapshot base = TestSnapshots.snapshot(now, 0, analysed, checked);
        ProducerStats p = new ProducerStats(
                0, 0, 0, engine.rate, produced, produced, 10, Duration.ofSeconds(1), null, true, null);
        ConsumerStats a =
                new ConsumerStats("analytics", analysed, (long) (lagSeconds * produced), lagSeconds, 6, true, null);
        ConsumerStats f =
                new ConsumerStats("fraud", checked, (long) (lagSeconds * produced), lagSeconds, 6, true, null);
        return new EngineSnapshot(
                now,
                base.status(),
                false,
                p,
                base.analytics(),
                a,
                f,
                checked,
                0,
                base.alertsBySeverity(),
                base.alertsByRule(),
                base.endToEnd(),
                base.detection(),
                base.scoreboard(),
                base.thresholds());
    }

    @Test
    void consumersThatKeepUpLeaveTheRateAlone() {
        backpressure.presenterRateChanged(1_000);
        stream(10, 1_000, 1_000, 0.05);
        assertThat(backpressure.overloadedProperty().get()).isFalse();
        assertThat(backpressure.explanationProperty().get()).isEmpty();
        assertThat(engine.rate).isEqualTo(1_000);
    }

    @Test
    void fallingBehindHoldsTheProducerBelowWhatTheConsumersSustain() {
        engine.setRate(50_000);
        stream(4, 45_000, 20_000, 1.5);
        assertThat(backpressure.overloadedProperty().get()).isTrue();
        assertThat(backpressure.sustainableRateProperty().get())
                .isCloseTo(20_000, org.assertj.core.data.Offset.offset(100.0));
        // a backlog of 1.5 s: held at half of it until the backlog is gone
        assertThat(engine.rate).isCloseTo(10_000, org.assertj.core.data.Offset.offset(200.0));
        assertThat(backpressure.explanationProperty().get())
                .contains("keep up with about 20,000/s")
                .contains("held at 10,000/s");
        stream(5, 10_000, 20_000, 0.05); // drained: back to just below what they sustain
        assertThat(engine.rate).isCloseTo(16_000, org.assertj.core.data.Offset.offset(400.0));
    }

    @Test
    void onceTheLagIsGoneTheHoldIsRaisedStepByStepAndLetGoAtThePresentersRate() {
        engine.setRate(50_000);
        stream(4, 45_000, 20_000, 1.5);
        double held = engine.rate;
        stream(5, held, held, 0.05);
        assertThat(engine.rate).isGreaterThan(held); // probing upwards
        for (int i = 0; i < 480; i++) { // the producer follows each new hold
            stream(0.25, engine.rate, 50_000, 0.05);
        }
        assertThat(engine.rate).isEqualTo(50_000);
        assertThat(backpressure.overloadedProperty().get()).isFalse();
        assertThat(Double.isNaN(backpressure.heldAt())).isTrue();
    }

    @Test
    void aHoldTheProducerHasNotReachedIsNotRaised() {
        engine.setRate(50_000);
        stream(4, 45_000, 20_000, 1.5);
        double held = engine.rate;
        stream(20, held * 0.5, held, 0.05); // a busy machine: the producer sends half of the hold
        assertThat(engine.rate).isEqualTo(held);
        BackpressureModel fromTen = new BackpressureModel(engine, 10);
        fromTen.presenterRateChanged(50_000);
        for (int i = 0; i < 40; i++) {
            now = now.plus(Duration.ofMillis(250));
            analysed += 250;
            checked += 250;
            fromTen.apply(snapshot(500, 0.05)); // nor is a ramp step
        }
        assertThat(engine.rate).isEqualTo(1_000);
    }

    @Test
    void aLagThatAppearsDuringTheRampEndsIt() {
        BackpressureModel fromTen = new BackpressureModel(engine, 10);
        fromTen.presenterRateChanged(50_000);
        for (int i = 0; i < 9; i++) { // the lag shows in two snapshots in a row
            now = now.plus(Duration.ofMillis(250));
            analysed += (long) (engine.rate / 4);
            checked += (long) (engine.rate / 4);
            fromTen.apply(snapshot(engine.rate, i < 7 ? 0.05 : 0.25));
        }
        assertThat(fromTen.overloadedProperty().get()).isTrue();
        double reached = engine.rate;
        for (int i = 0; i < 8; i++) { // clear again: no more steps of 1.3 every half second
            now = now.plus(Duration.ofMillis(250));
            analysed += (long) (engine.rate / 4);
            checked += (long) (engine.rate / 4);
            fromTen.apply(snapshot(engine.rate, 0.05));
        }
        assertThat(engine.rate).isEqualTo(reached);
    }

    @Test
    void aNewEngineStartsLowAndClimbsToThePresentersRate() {
        backpressure.streamStarts(); // the presenter's rate is 50,000/s
        assertThat(engine.rate).isEqualTo(RateRamp.FREE);
        assertThat(backpressure.overloadedProperty().get()).isFalse();
        assertThat(backpressure.explanationProperty().get()).isEmpty();
        for (int i = 0; i < 200 && engine.rate < 50_000; i++) {
            stream(0.25, engine.rate, engine.rate, 0.02);
        }
        assertThat(engine.rate).isEqualTo(50_000);
        assertThat(Double.isNaN(backpressure.heldAt())).isTrue();

        BackpressureModel slow = new BackpressureModel(engine, 500);
        slow.streamStarts();
        assertThat(engine.rate)
                .as("up to 1,000/s it starts at the presenter's rate")
                .isEqualTo(500);
        BackpressureModel off = new BackpressureModel(engine, 50_000);
        off.holdingProperty().set(false);
        off.streamStarts();
        assertThat(engine.rate).as("holding turned off: at once").isEqualTo(50_000);
    }

    @Test
    void aLagInOneSnapshotThatIsGoneInTheNextHoldsNothing() {
        backpressure.presenterRateChanged(20_000);
        stream(4, 20_000, 20_000, 0.03);
        stream(0.25, 20_000, 19_000, 0.33); // seen in one snapshot of a busy machine, as a console benchmark did
        stream(2, 20_000, 21_000, 0.0);
        assertThat(engine.rate).isEqualTo(20_000);
        assertThat(backpressure.overloadedProperty().get()).isFalse();
        stream(0.5, 20_000, 15_000, 0.4); // in two snapshots in a row it counts
        assertThat(backpressure.overloadedProperty().get()).isTrue();
        assertThat(engine.rate).isLessThan(20_000);
    }

    @Test
    void consumersThatReadNothingForAMomentArePausedNotSlow() {
        backpressure.presenterRateChanged(20_000);
        stream(4, 20_000, 20_000, 0.02);
        stream(0.75, 20_000, 0, 0.5); // a pause: the lag grows as fast as the clock
        assertThat(engine.rate).as("no hold during a short pause").isEqualTo(20_000);
        assertThat(backpressure.overloadedProperty().get()).isFalse();
        stream(1, 20_000, 0, 1.5); // past a second it is treated as consumers that cannot keep up
        assertThat(backpressure.overloadedProperty().get()).isTrue();
        assertThat(engine.rate).isLessThan(20_000);
    }

    @Test
    void aHoldIsRaisedToWhatTheConsumersShowedWhileReadingTheBacklogAway() {
        backpressure.presenterRateChanged(20_000);
        stream(3, 20_000, 2_000, 1.2); // just started, the consumers still slow: held low
        double held = engine.rate;
        assertThat(held).isLessThan(2_000);
        stream(2, held, 15_000, 0.6); // warm now, they read the backlog away at 15,000/s
        stream(3.25, held, held, 0.02); // the lag is gone; the first probe
        assertThat(engine.rate)
                .as("back to just below what they showed, not a step of 1.15 above the hold")
                .isGreaterThan(8_000);
    }

    @Test
    void aProducerWaitingForACoreStillCountsAsOutrunningTheConsumers() {
        engine.setRate(50_000);
        stream(4, 5_000, 20_000, 0.6); // measured at 5,000/s for a moment, its target is 50,000/s
        assertThat(backpressure.overloadedProperty().get()).isTrue();
        assertThat(engine.rate).isLessThan(20_000);
    }

    @Test
    void aJumpOfTheSliderReachesTheEngineInStepsWhileTheConsumersKeepUp() {
        BackpressureModel fromTen = new BackpressureModel(engine, 10);
        fromTen.presenterRateChanged(50_000);
        assertThat(engine.rate).isEqualTo(1_000); // at once up to 1,000/s, in steps above
        fromTen.presenterRateChanged(800);
        assertThat(engine.rate).isEqualTo(800);
        fromTen.presenterRateChanged(50_000);
        assertThat(fromTen.overloadedProperty().get()).isFalse(); // ramping is no backpressure
        for (int i = 0; i < 200 && engine.rate < 50_000; i++) {
            now = now.plus(Duration.ofMillis(250));
            analysed += 100;
            checked += 100;
            fromTen.apply(snapshot(engine.rate, 0.05));
        }
        assertThat(engine.rate).isEqualTo(50_000);
        assertThat(Double.isNaN(fromTen.heldAt())).isTrue();
    }

    @Test
    void aRampThatMeetsTheConsumersLimitTurnsIntoAHold() {
        BackpressureModel fromTen = new BackpressureModel(engine, 10);
        fromTen.presenterRateChanged(50_000);
        BackpressureModel model = fromTen;
        for (int i = 0; i < 48; i++) { // consumers top out at 2,000/s and fall behind
            now = now.plus(Duration.ofMillis(250));
            analysed += 500;
            checked += 500;
            model.apply(snapshot(Math.max(engine.rate, 4_000), engine.rate > 2_000 ? 1.0 : 0.05));
        }
        assertThat(model.overloadedProperty().get()).isTrue();
        assertThat(engine.rate).isLessThan(2_000);
    }

    @Test
    void thePresenterLoweringTheRateBelowTheHoldEndsIt() {
        engine.setRate(50_000);
        stream(4, 45_000, 20_000, 1.5);
        backpressure.presenterRateChanged(5_000);
        assertThat(engine.rate).isEqualTo(5_000);
        assertThat(Double.isNaN(backpressure.heldAt())).isTrue();
    }

    @Test
    void raisingTheSliderWhileHeldKeepsTheHold() {
        backpressure.presenterRateChanged(30_000);
        stream(4, 29_000, 20_000, 1.5);
        double held = engine.rate;
        backpressure.presenterRateChanged(50_000);
        assertThat(engine.rate).isEqualTo(held);
    }

    @Test
    void turnedOffItOnlySaysSoAndGivesThePresentersRateBack() {
        engine.setRate(50_000);
        stream(4, 45_000, 20_000, 1.5);
        backpressure.holdingProperty().set(false);
        assertThat(engine.rate).isEqualTo(50_000);
        stream(4, 45_000, 20_000, 3);
        assertThat(engine.rate).isEqualTo(50_000);
        assertThat(backpressure.overloadedProperty().get()).isTrue();
        assertThat(backpressure.explanationProperty().get()).contains("holding the producer is off");
    }
}
