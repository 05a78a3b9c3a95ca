package com.activitytracker.engine.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class CountryTrailTest {
    private final CountryTrail trail = new CountryTrail();

    @Test
    void trailKeepsTheNewestEventOfEachCountry() {
        trail.record("US", 10, "a");
        trail.record("US", 30, "b");
        trail.record("US", 20, "late");

        int other = trail.nearestOtherCountry("DE", 40);

        assertThat(trail.country(other)).isEqualTo("US");
        assertThat(trail.newestId(other)).isEqualTo("b");
        assertThat(trail.nearestOtherCountry("us", 40)).isNegative();
    }

    @Test
    void trailPicksTheOtherCountryNearestInTime() {
        trail.record("US", 10, "us");
        trail.record("FR", 90, "fr");

        assertThat(trail.country(trail.nearestOtherCountry("DE", 80))).isEqualTo("FR");
        assertThat(trail.country(trail.nearestOtherCountry("DE", 20))).isEqualTo("US");
    }

    @Test
    void trailForgetsCountriesWhoseNewestEventLeftTheWindow() {
        trail.record("US", 10, "us");
        trail.record("FR", 90, "fr");

        trail.evictUpTo(10);

        assertThat(trail.country(trail.nearestOtherCountry("DE", 20))).isEqualTo("FR");
        assertThat(trail.nearestOtherCountry("FR", 20)).isNegative();
    }

    @Test
    void trailReplacesItsStalestCountryWhenFull() {
        for (int i = 0; i < 20; i++) {
            trail.record("C" + i, i, "e" + i);
        }

        trail.evictUpTo(11); // would leave C12..C19 had all twenty been kept

        assertThat(trail.country(trail.nearestOtherCountry("XX", 0))).isEqualTo("C12");
        trail.evictUpTo(18);
        assertThat(trail.country(trail.nearestOtherCountry("XX", 0))).isEqualTo("C19");
        assertThat(trail.nearestOtherCountry("C19", 0)).isNegative();
    }

    @Test
    void trailGivesBackUuidIdsAndOtherIdsAsTheyCame() {
        String uuid = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
        trail.record("US", 10, uuid);
        trail.record("FR", 20, "not-a-uuid");
        trail.record("DE", 30, "4f2504e0-4f89-11d3-9a0c-0305e82c3301");

        assertThat(trail.newestId(trail.nearestOtherCountry("XX", 0))).isEqualTo(uuid);
        assertThat(trail.newestId(trail.nearestOtherCountry("XX", 21))).isEqualTo("not-a-uuid");

        trail.evictUpTo(10); // the first entry leaves; FR moves into its place
        assertThat(trail.newestId(trail.nearestOtherCountry("XX", 0))).isEqualTo("not-a-uuid");
        assertThat(trail.newestId(trail.nearestOtherCountry("XX", 40)))
                .isEqualTo("4f2504e0-4f89-11d3-9a0c-0305e82c3301");
        trail.record("FR", 25, uuid);
        assertThat(trail.newestId(trail.nearestOtherCountry("XX", 0))).isEqualTo(uuid);
    }
}
