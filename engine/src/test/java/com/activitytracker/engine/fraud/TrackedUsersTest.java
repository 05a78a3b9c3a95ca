package com.activitytracker.engine.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class TrackedUsersTest {
    private final TrackedUsers users = new TrackedUsers();

    @Test
    void theStalestIsTheUserSeenLeastRecently() {
        users.seen("a", 1);
        users.seen("b", 1);
        users.seen("c", 1);
        users.seen("a", 1);

        assertThat(users.stalest().userId()).isEqualTo("b");
        users.removeStalest();
        assertThat(users.stalest().userId()).isEqualTo("c");
        users.removeStalest();
        assertThat(users.stalest().userId()).isEqualTo("a");
        users.removeStalest();
        assertThat(users.stalest()).isNull();
        assertThat(users.size()).isZero();
    }

    @Test
    void aUserSeenAgainKeepsTheirState() {
        TrackedUser first = users.seen("a", 2);
        first.ruleState(1, "window");
        users.seen("b", 2);

        TrackedUser again = users.seen("a", 2);

        assertThat(again).isSameAs(first);
        assertThat(again.ruleState(1)).isEqualTo("window");
        assertThat(users.size()).isEqualTo(2);
    }

    @Test
    void aUserSeenTwiceInARowStaysWhereTheyAre() {
        users.seen("a", 1);
        users.seen("b", 1);
        users.seen("b", 1);
        users.seen("b", 1);

        assertThat(users.stalest().userId()).isEqualTo("a");
        assertThat(users.capacity()).isEqualTo(16);
    }

    @Test
    void theOrderIsThatOfAnAccessOrderedMapWhateverTheMixOfEventsAndRemovals() {
        // the model: what the detector used before, LinkedHashMap in access order
        LinkedHashMap<String, Boolean> model = new LinkedHashMap<>(16, 0.75f, true);
        SplittableRandom random = new SplittableRandom(7);
        for (int step = 0; step < 200_000; step++) {
            int action = random.nextInt(100);
            if (action < 85) {
                // a hot few and a long tail, so that users both return and go stale
                String id = "u" + (random.nextBoolean() ? random.nextInt(50) : random.nextInt(5_000));
                users.seen(id, 1);
                if (model.get(id) == null) {
                    model.put(id, Boolean.TRUE);
                }
            } else if (!model.isEmpty()) {
                Iterator<String> eldest = model.keySet().iterator();
                assertThat(users.stalest().userId()).isEqualTo(eldest.next());
                eldest.remove();
                users.removeStalest();
            }
            assertThat(users.size()).isEqualTo(model.size());
        }
        List<String> drained = new ArrayList<>();
        while (users.stalest() != null) {
            drained.add(users.stalest().userId());
            users.removeStalest();
        }
        assertThat(drained).containsExactlyElementsOf(model.keySet());
    }

    @Test
    void theOrderArrayStaysWithinAFewSlotsPerUser() {
        for (int i = 0; i < 1_000; i++) {
            users.seen("u" + i, 1);
        }
        for (int round = 0; round < 100; round++) {
            for (int i = 0; i < 1_000; i++) {
                users.seen("u" + i, 1);
            }
        }

        assertThat(users.size()).isEqualTo(1_000);
        assertThat(users.capacity()).isBetween(2_000, 4_000);
    }

    @Test
    void theOrderArrayShrinksOnceABurstOfUsersHasGone() {
        for (int i = 0; i < 10_000; i++) {
            users.seen("burst-" + i, 1);
        }
        while (users.size() > 0) {
            users.removeStalest();
        }
        for (int i = 0; i < 100_000; i++) {
            users.seen("u" + (i % 100), 1);
        }

        assertThat(users.capacity()).isLessThanOrEqualTo(400);
        assertThat(users.stalest().userId()).isEqualTo("u0");
    }

    @Test
    void clearForgetsEveryone() {
        users.seen("a", 1);
        users.seen("b", 1);

        users.clear();

        assertThat(users.size()).isZero();
        assertThat(users.stalest()).isNull();
        assertThat(users.seen("a", 1).ruleState(0)).isNull();
    }
}
