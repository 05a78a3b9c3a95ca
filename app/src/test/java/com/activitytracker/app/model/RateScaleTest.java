package com.activitytracker.app.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class RateScaleTest {
    @Test
    void endsOfTheSliderAreOneAndFiftyThousand() {
        assertThat(RateScale.rateAt(0)).isEqualTo(1);
        assertThat(RateScale.rateAt(1)).isEqualTo(50_000);
    }

    @Test
    void scaleIsLogarithmic() {
        double tenToHundred = RateScale.positionOf(100) - RateScale.positionOf(10);
        double thousandToTenThousand = RateScale.positionOf(10_000) - RateScale.positionOf(1_000);
        assertThat(tenToHundred).isCloseTo(thousandToTenThousand, within(1e-12));
        assertThat(RateScale.positionOf(Math.sqrt(50_000))).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void positionAndRateRoundTripForRoundRates() {
        for (double rate : new double[] {1, 7, 10, 50, 120, 1_000, 4_500, 12_000, 50_000}) {
            assertThat(RateScale.rateAt(RateScale.positionOf(rate))).isEqualTo(rate);
        }
    }

    @Test
    void sliderRatesAreRoundedToTwoSignificantDigits() {
        assertThat(RateScale.roundToTwoDigits(12_345)).isEqualTo(12_000);
        assertThat(RateScale.roundToTwoDigits(987)).isEqualTo(990);
        assertThat(RateScale.roundToTwoDigits(3.4)).isEqualTo(3);
    }

    @Test
    void ratesOutsideTheScaleSitAtItsEnds() {
        assertThat(RateScale.positionOf(0)).isZero();
        assertThat(RateScale.positionOf(1e9)).isEqualTo(1);
        assertThat(RateScale.rateAt(-1)).isEqualTo(1);
        assertThat(RateScale.rateAt(2)).isEqualTo(50_000);
    }

    @Test
    void typedRatesAcceptGroupingDecimalsAndAKiloSuffix() {
        assertThat(RateScale.parse("1234")).isEqualTo(1_234);
        assertThat(RateScale.parse(" 12,500 ")).isEqualTo(12_500);
        assertThat(RateScale.parse("2.5k")).isEqualTo(2_500);
        assertThat(RateScale.parse("7.5")).isEqualTo(7.5);
    }

    @Test
    void typedRatesOffTheScaleAreRefusedWithAMessage() {
        assertThatThrownBy(() -> RateScale.parse("0")).hasMessageContaining("1 to 50,000");
        assertThatThrownBy(() -> RateScale.parse("60000")).hasMessageContaining("1 to 50,000");
        assertThatThrownBy(() -> RateScale.parse("fast")).hasMessageContaining("1 to 50,000");
        assertThatThrownBy(() -> RateScale.parse("NaN")).hasMessageContaining("1 to 50,000");
    }
}
