package com.activitytracker.app.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class SecondsAxisTest {
    @Test
    void theStepIsRoundAndLeavesRoomForEachLabel() {
        // the 1366x768 throughput chart: about 230 px for 22 s, where auto-ranging put 10 labels 2.5 s apart
        double step = SecondsAxis.step(22, 230);
        assertThat(step).isEqualTo(10);
        assertThat(230 / (22 / step + 1)).isGreaterThanOrEqualTo(SecondsAxis.MIN_TICK_PIXELS);
        // wider, more ticks; a full three-minute window on a wide chart
        assertThat(SecondsAxis.step(22, 900)).isEqualTo(2);
        assertThat(SecondsAxis.step(180, 900)).isEqualTo(15);
        assertThat(SecondsAxis.step(180, 230)).isEqualTo(60);
    }
}
