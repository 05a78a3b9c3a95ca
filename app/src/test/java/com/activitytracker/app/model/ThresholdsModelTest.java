package com.activitytracker.app.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.activitytracker.engine.fraud.FraudThresholds;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ThresholdsModelTest {
    private final FakeEngine engine = new FakeEngine();
    private final ThresholdsModel model = new ThresholdsModel(engine);

    @Test
    void showsTheEngineThresholds() {
        assertThat(model.velocityMaxEventsProperty().get()).isEqualTo(30);
        assertThat(model.travelWindowSecondsProperty().get()).isEqualTo(3_600);
        assertThat(model.highValueAmountProperty().get()).isEqualTo(5_000.0);
    }

    @Test
    void eachChangeIsAppliedAtOnce() {
        model.velocityMaxEventsProperty().set(12);
        assertThat(engine.thresholds.velocityMaxEvents()).isEqualTo(12);
        model.cardTestWindowSecondsProperty().set(30);
        assertThat(engine.thresholds.cardTestWindow()).isEqualTo(Duration.ofSeconds(30));
        assertThat(engine.thresholds.velocityMaxEvents()).isEqualTo(12);
    }

    @Test
    void anInvalidValueIsRefusedWithTheReason() {
        model.velocityMaxEventsProperty().set(0);
        assertThat(engine.thresholds).isEqualTo(FraudThresholds.defaults());
        assertThat(model.errorProperty().get()).contains("FRAUD_VELOCITY_MAX_EVENTS");
        model.velocityMaxEventsProperty().set(5);
        assertThat(model.errorProperty().get()).isEmpty();
    }

    @Test
    void loadingShowsValuesWithoutApplyingThem() {
        FraudThresholds other = FraudThresholds.defaults().withAtoFailedLogins(9);
        model.load(other);
        assertThat(model.atoFailedLoginsProperty().get()).isEqualTo(9);
        assertThat(engine.thresholds).isEqualTo(FraudThresholds.defaults());
    }
}
