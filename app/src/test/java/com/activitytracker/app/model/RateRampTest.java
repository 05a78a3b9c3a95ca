package com.activitytracker.app.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class RateRampTest {
    private static final Instant T0 = TestSnapshots.T0;

    @Test
    void aClimbGoesAtOnceUpToTheFreeRateAndInStepsAbove() {
        assertThat(RateRamp.firstStep(10)).isEqualTo(RateRamp.FREE);
        assertThat(RateRamp.firstStep(2_000)).isEqualTo(2_000 * RateRamp.STEP);
    }

    @Test
    void aStepIsReachedWhenTheProducerSendsMostOfIt() {
        assertThat(RateRamp.reached(850, 1_000)).isTrue();
        assertThat(RateRamp.reached(849, 1_000)).isFalse();
    }

    @Test
    void theNextStepIsDueOnceTheProducerHasRunAtThisOneForAWhile() {
        RateRamp ramp = new RateRamp();
        assertThat(ramp.nextStepDue(T0, 500, 1_000)).as("not reached").isFalse();
        assertThat(ramp.nextStepDue(T0.plusSeconds(5), 500, 1_000))
                .as("still not reached")
                .isFalse();
        Instant reached = T0.plusSeconds(6);
        assertThat(ramp.nextStepDue(reached, 900, 1_000)).isFalse();
        assertThat(ramp.nextStepDue(reached.plus(RateRamp.EVERY).minusMillis(1), 500, 1_000))
                .as("a dip after reaching it does not start the wait again")
                .isFalse();
        assertThat(ramp.nextStepDue(reached.plus(RateRamp.EVERY), 500, 1_000)).isTrue();

        ramp.stepTaken();
        Instant later = reached.plus(Duration.ofSeconds(10));
        assertThat(ramp.nextStepDue(later, 900, 1_300))
                .as("the new step not reached yet")
                .isFalse();
        assertThat(ramp.nextStepDue(later.plus(RateRamp.EVERY), 1_300, 1_300))
                .as("counted from when it is reached")
                .isFalse();
    }
}
