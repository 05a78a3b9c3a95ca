package com.activitytracker.engine.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class CountryNamesTest {
    private final CountryNames names = new CountryNames();

    @Test
    void equalNamesComeBackAsTheFirstStringSeen() {
        String first = new String("DE");
        String second = new String("DE");

        assertThat(names.canonical(first)).isSameAs(first);
        assertThat(names.canonical(second)).isSameAs(first);
        // compared as they came: a trail compares ignoring case itself
        String lower = new String("de");
        assertThat(names.canonical(lower)).isSameAs(lower);
    }

    @Test
    void pastTheLimitANewNameIsKeptAsItCame() {
        String known = null;
        for (int i = 0; i < CountryNames.LIMIT; i++) {
            String name = "C" + i;
            names.canonical(name);
            known = i == 7 ? name : known;
        }
        String late = new String("late");

        assertThat(names.canonical(late)).isSameAs(late);
        assertThat(names.canonical(new String("late"))).isNotSameAs(late);
        assertThat(names.canonical(new String("C7"))).isSameAs(known);
    }
}
