package com.activitytracker.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.activitytracker.engine.fraud.FraudSettings;
import com.activitytracker.engine.fraud.FraudThresholds;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class BacktestRequestTest {
    private static final FraudThresholds DEFAULTS = FraudThresholds.defaults();

    @Test
    void defaultSpanIsTheLongestWindowOfEitherSide() {
        assertThat(BacktestRequest.defaultSpan(DEFAULTS, DEFAULTS)).isEqualTo(Duration.ofHours(1));
        assertThat(BacktestRequest.defaultSpan(DEFAULTS, DEFAULTS.withTravelWindow(Duration.ofHours(3))))
                .isEqualTo(Duration.ofHours(3));
    }

    @Test
    void spanMustBePositiveAndAtMostAWeek() {
        assertThatThrownBy(() -> BacktestRequest.withoutGroundTruth(DEFAULTS, DEFAULTS, Duration.ZERO))
                .hasMessageContaining("span");
        assertThatThrownBy(() -> BacktestRequest.withoutGroundTruth(DEFAULTS, DEFAULTS, Duration.ofDays(8)))
                .hasMessageContaining("7 days");
    }

    @Test
    void thresholdsAsSettingsReadBackEqual() {
        FraudThresholds t = DEFAULTS.withHighValueAmount(1_234.5).withCardTestMaxAmount(4.99);

        assertThat(t.asSettings())
                .containsEntry("FRAUD_HIGH_VALUE_AMOUNT", "1234.5")
                .containsEntry("FRAUD_VELOCITY_MAX_EVENTS", "30");
        assertThat(FraudSettings.thresholds(t.asSettings())).isEqualTo(t);
    }
}
