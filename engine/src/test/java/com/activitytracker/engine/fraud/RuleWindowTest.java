package com.activitytracker.engine.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class RuleWindowTest {
    private final RuleWindow window = new RuleWindow();

    @Test
    void lateEventsAreKeptInTimeOrder() {
        window.add(10, "b", 100);
        window.add(30, "d", 100);
        window.add(5, "a", 100);
        window.add(20, "c", 100);

        assertThat(window.ids()).containsExactly("a", "b", "c", "d");
    }

    @Test
    void evictionDropsEventsAtOrBeforeTheCutoff() {
        window.add(10, "a", 100);
        window.add(20, "b", 100);
        window.add(30, "c", 100);

        window.evictUpTo(20);

        assertThat(window.ids()).containsExactly("c");
    }

    @Test
    void countUpToCountsEventsAtOrBeforeATime() {
        window.add(10, "a", 100);
        window.add(20, "b", 100);
        window.add(20, "c", 100);
        window.add(30, "d", 100);

        assertThat(window.countUpTo(5)).isZero();
        assertThat(window.countUpTo(20)).isEqualTo(3);
        assertThat(window.countUpTo(99)).isEqualTo(4);
        assertThat(window.oldestIds(3)).containsExactly("a", "b", "c");
    }

    @Test
    void aFullWindowDropsItsOldestEvent() {
        window.add(10, "a", 2);
        window.add(20, "b", 2);
        window.add(30, "c", 2);
        window.add(5, "too-old", 2);

        assertThat(window.ids()).containsExactly("b", "c");
    }

    @Test
    void aSlidingWindowStaysSmallAndCorrectOverManyEvents() {
        for (long t = 0; t < 100_000; t++) {
            window.evictUpTo(t - 10);
            window.add(t, "e" + t, 1000);
        }

        assertThat(window.size()).isEqualTo(10);
        assertThat(window.ids()).first().isEqualTo("e99990");
    }

    @Test
    void aWindowShrinksBackAfterABurst() {
        for (long t = 0; t < 5000; t++) {
            window.add(t, "e" + t, 10_000);
        }
        window.evictUpTo(4997);
        for (long t = 5000; t < 5100; t++) {
            window.evictUpTo(t - 3);
            window.add(t, "e" + t, 10_000);
        }

        assertThat(window.ids()).containsExactly("e5097", "e5098", "e5099");
    }

    @Test
    void uuidIdsAndOtherIdsMixedComeBackAsTheyWereAdded() {
        java.util.List<String> added = new java.util.ArrayList<>();
        for (int t = 0; t < 50; t++) {
            String id = t % 7 == 3 ? "odd-" + t : new java.util.UUID(t * 31L, -t).toString();
            added.add(id);
            window.add(t, id, 1000);
        }
        window.add(-1, "late-but-kept", 1000); // shifts everything up by one
        added.add(0, "late-but-kept");

        assertThat(window.ids()).containsExactlyElementsOf(added);
        window.evictUpTo(20);
        assertThat(window.ids()).containsExactlyElementsOf(added.subList(22, added.size()));
        for (int t = 50; t < 200; t++) { // past the end: compacts and grows with the odd ids
            String id = t % 5 == 0 ? "odd-" + t : new java.util.UUID(t, t).toString();
            added.add(id);
            window.add(t, id, 1000);
        }
        window.evictUpTo(150);
        assertThat(window.ids()).containsExactlyElementsOf(added.subList(added.size() - 49, added.size()));
        assertThat(window.oldestIds(2)).containsExactlyElementsOf(added.subList(added.size() - 49, added.size() - 47));
    }
}
