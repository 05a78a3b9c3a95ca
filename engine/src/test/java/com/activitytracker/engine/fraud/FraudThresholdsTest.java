package com.activitytracker.engine.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Tag("unit")
class FraudThresholdsTest {
    private static final FraudThresholds DEFAULTS = FraudThresholds.defaults();

    @Test
    void defaultsAreThoseOfTheContract() {
        assertThat(DEFAULTS)
                .isEqualTo(new FraudThresholds(
                        30,
                        Duration.ofSeconds(60),
                        5000.0,
                        5,
                        5.00,
                        Duration.ofMinutes(10),
                        5,
                        Duration.ofMinutes(15),
                        Duration.ofMinutes(60)));
    }

    @Test
    void highValuePurchasesAreHighSeverityFrom20000ByDefault() {
        assertThat(DEFAULTS.highValueHighSeverityAmount()).isEqualTo(20_000.0);
    }

    @Test
    void highSeverityAmountMovesWithTheHighValueAmount() {
        assertThat(DEFAULTS.withHighValueAmount(50_000).highValueHighSeverityAmount())
                .isEqualTo(200_000.0);
    }

    @Test
    void longestWindowIsTheTravelWindowByDefault() {
        assertThat(DEFAULTS.longestWindow()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void longestWindowFollowsWhicheverWindowIsLongest() {
        assertThat(DEFAULTS.withVelocityWindow(Duration.ofHours(2)).longestWindow())
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void withersChangeOnlyTheirOwnSetting() {
        FraudThresholds changed = DEFAULTS.withCardTestCount(7);

        assertThat(changed.cardTestCount()).isEqualTo(7);
        assertThat(changed.withCardTestCount(5)).isEqualTo(DEFAULTS);
    }

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                invalid("FRAUD_VELOCITY_MAX_EVENTS must be a positive integer", t -> t.withVelocityMaxEvents(0)),
                invalid(
                        "FRAUD_VELOCITY_WINDOW_SECONDS must be a whole number of seconds",
                        t -> t.withVelocityWindow(Duration.ZERO)),
                invalid("FRAUD_HIGH_VALUE_AMOUNT must be a positive number", t -> t.withHighValueAmount(-1)),
                invalid("FRAUD_HIGH_VALUE_AMOUNT must be a positive number", t -> t.withHighValueAmount(Double.NaN)),
                invalid("FRAUD_CARD_TEST_COUNT must be a positive integer", t -> t.withCardTestCount(-3)),
                invalid("FRAUD_CARD_TEST_MAX_AMOUNT must be a positive number", t -> t.withCardTestMaxAmount(0)),
                invalid(
                        "FRAUD_CARD_TEST_WINDOW_SECONDS must be a whole number of seconds",
                        t -> t.withCardTestWindow(Duration.ofSeconds(-600))),
                invalid("FRAUD_ATO_FAILED_LOGINS must be a positive integer", t -> t.withAtoFailedLogins(0)),
                invalid(
                        "FRAUD_ATO_WINDOW_SECONDS must be a whole number of seconds",
                        t -> t.withAtoWindow(Duration.ofMillis(1500))),
                invalid(
                        "FRAUD_TRAVEL_WINDOW_SECONDS must be a whole number of seconds",
                        t -> t.withTravelWindow(Duration.ofDays(8))),
                invalid("FRAUD_TRAVEL_WINDOW_SECONDS must be set", t -> t.withTravelWindow(null)));
    }

    private static Arguments invalid(String message, UnaryOperator<FraudThresholds> change) {
        return Arguments.of(message, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSettings")
    void invalidSettingIsRejectedByName(String message, UnaryOperator<FraudThresholds> change) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> change.apply(DEFAULTS))
                .withMessageStartingWith(message);
    }

    @Test
    void rejectionSaysWhatTheValueWas() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DEFAULTS.withVelocityMaxEvents(-2))
                .withMessage("FRAUD_VELOCITY_MAX_EVENTS must be a positive integer (was -2)");
    }
}
