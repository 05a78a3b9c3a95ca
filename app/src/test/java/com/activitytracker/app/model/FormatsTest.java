package com.activitytracker.app.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class FormatsTest {
    @Test
    void countsOfThingsSayOneInTheSingular() {
        assertThat(Formats.count(0, "purchase")).isEqualTo("0 purchases");
        assertThat(Formats.count(1, "purchase")).isEqualTo("1 purchase");
        assertThat(Formats.count(2, "unique user")).isEqualTo("2 unique users");
        assertThat(Formats.count(12_345, "record")).isEqualTo("12,345 records");
    }

    @Test
    void countsHaveThousandsSeparators() {
        assertThat(Formats.count(1_234_567)).isEqualTo("1,234,567");
    }

    @Test
    void ratesShowOneDecimalOnlyWhenSmall() {
        assertThat(Formats.rate(9.84)).isEqualTo("9.8");
        assertThat(Formats.rate(10)).isEqualTo("10");
        assertThat(Formats.rate(12_345.6)).isEqualTo("12,346");
        assertThat(Formats.rate(Double.POSITIVE_INFINITY)).isEqualTo("max");
    }

    @Test
    void moneyHasCentsAndSeparators() {
        assertThat(Formats.money(12_345.6)).isEqualTo("$12,345.60");
        assertThat(Formats.money(999_999.99)).isEqualTo("$999,999.99");
    }

    @Test
    void moneyFromAMillionIsInMillionsThenBillions() {
        assertThat(Formats.money(999_999.996)).isEqualTo("$1.00M");
        assertThat(Formats.money(12_345_678.9)).isEqualTo("$12.35M");
        assertThat(Formats.money(999_994_999)).isEqualTo("$999.99M");
        assertThat(Formats.money(999_995_000)).isEqualTo("$1.00B");
        assertThat(Formats.money(1_234_567_890_123.0)).isEqualTo("$1,234.57B");
        assertThat(Formats.money(-2_500_000)).isEqualTo("$-2.50M");
    }

    @Test
    void moneyTicksAreShort() {
        assertThat(Formats.moneyTick(0, 15_000)).isEqualTo("$0");
        assertThat(Formats.moneyTick(12_500, 15_000)).isEqualTo("$12,500");
        assertThat(Formats.moneyTick(2.5, 4)).isEqualTo("$2.50");
        assertThat(Formats.moneyTick(2_500_000, 3_000_000)).isEqualTo("$2.5M");
        assertThat(Formats.moneyTick(10_000_000, 10_000_000)).isEqualTo("$10M");
        assertThat(Formats.moneyTick(1_250_000_000, 1_500_000_000)).isEqualTo("$1.25B");
        // one unit on one axis
        assertThat(Formats.moneyTick(500_000, 2_000_000)).isEqualTo("$0.5M");
        assertThat(Formats.moneyTick(0, 2_000_000)).isEqualTo("$0");
    }

    @Test
    void shortCountsKeepThreeFigures() {
        assertThat(Formats.shortCount(9_999)).isEqualTo("9,999");
        assertThat(Formats.shortCount(14_712)).isEqualTo("14.7k");
        assertThat(Formats.shortCount(99_949)).isEqualTo("99.9k");
        assertThat(Formats.shortCount(99_950)).isEqualTo("100k");
        assertThat(Formats.shortCount(147_258)).isEqualTo("147k");
        assertThat(Formats.shortCount(999_499)).isEqualTo("999k");
        assertThat(Formats.shortCount(999_500)).isEqualTo("1.00M");
        assertThat(Formats.shortCount(12_345_678)).isEqualTo("12.3M");
        assertThat(Formats.shortCount(123_456_789)).isEqualTo("123M");
        assertThat(Formats.shortCount(2_000_000_000)).isEqualTo("2.00B");
    }

    @Test
    void percentagesHaveOneDecimal() {
        assertThat(Formats.percent(0.1234)).isEqualTo("12.3%");
        assertThat(Formats.percent(Double.NaN)).isEqualTo("0.0%");
    }

    @Test
    void latenciesSwitchToSecondsFromOneSecond() {
        assertThat(Formats.millis(3.25)).isEqualTo("3.3 ms");
        assertThat(Formats.millis(85)).isEqualTo("85 ms");
        assertThat(Formats.millis(1_850)).isEqualTo("1.85 s");
        assertThat(Formats.duration(null)).isEqualTo("–");
        assertThat(Formats.duration(Duration.ofMillis(420))).isEqualTo("420 ms");
    }

    @Test
    void timesAreShownInTheGivenZone() {
        assertThat(Formats.time(Instant.parse("2026-11-26T10:15:30Z"), ZoneOffset.ofHours(1)))
                .isEqualTo("11:15:30");
    }
}
