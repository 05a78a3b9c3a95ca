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
        users.seen("a");
        users.seen("b");
        users.seen("c");
        users.seen("a");

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
        TrackedUser first = users.seen("a");
        first.ruleState(1, "window");
        users.seen("b");

        TrackedUser again = users.seen("a");

        assertThat(again).isSameAs(first);
        assertThat(again.ruleState(1)).isEqualTo("window");
        assertThat(users.size()).isEqualTo(2);
    }

    @Test
    void aUserSeenTwiceInARowStaysWhereTheyAre() {
        users.seen("a");
        users.seen("b");
        users.seen("b");
        users.seen("b");

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
                users.seen(id);
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
            users.seen("u" + i);
        }
        for (int round = 0; round < 100; round++) {
            for (int i = 0; i < 1_000; i++) {
                users.seen("u" + i);
            }
        }

        assertThat(users.size()).isEqualTo(1_000);
        assertThat(users.capacity()).isBetween(2_000, 4_000);
    }

    @Test
    void theOrderArrayShrinksOnceABurstOfUsersHasGone() {
        for (int i = 0; i < 10_000; i++) {
            users.seen("burst-" + i);
        }
        while (users.size() > 0) {
            users.removeStalest();
        }
        for (int i = 0; i < 100_000; i++) {
            users.seen("u" + (i % 100));
        }

        assertThat(users.capacity()).isLessThanOrEqualTo(400);
        assertThat(users.stalest().userId()).isEqualTo("u0");
    }

    @Test
    void usersWhoseIdsHashAlikeAreStillFoundAfterOthersAreRemoved() {
        // "Aa" and "BB" hash alike, so do all 64 ids made of six of them: one long probe run
        List<String> ids = new ArrayList<>();
        for (int bits = 0; bits < 64; bits++) {
            StringBuilder id = new StringBuilder();
            for (int b = 0; b < 6; b++) {
                id.append((bits >> b & 1) == 0 ? "Aa" : "BB");
            }
            ids.add(id.toString());
        }
        assertThat(ids.stream().mapToInt(String::hashCode).distinct()).hasSize(1);
        for (String id : ids) {
            users.seen(id).ruleState(0, id);
        }
        for (int i = 0; i < 32; i++) {
            users.removeStalest(); // from the front of the run: the rest shift back
        }

        for (String id : ids.subList(32, 64)) {
            assertThat(users.seen(id).ruleState(0)).isEqualTo(id);
        }
        assertThat(users.size()).isEqualTo(32);
        assertThat(users.seen(ids.get(0)).ruleState(0)).isNull();
    }

    @Test
    void aMillionUsersComeAndGoAndTheRestAreStillFound() {
        for (int i = 0; i < 1_000_000; i++) {
            users.seen("user-" + i).ruleState(0, i);
            if (users.size() > 10_000) {
                users.removeStalest();
            }
        }

        assertThat(users.size()).isEqualTo(10_000);
        assertThat(users.stalest().userId()).isEqualTo("user-990000");
        assertThat(users.seen("user-999999").ruleState(0)).isEqualTo(999_999);
        assertThat(users.seen("user-990000").ruleState(0)).isEqualTo(990_000);
        assertThat(users.seen("user-989999").ruleState(0)).isNull();
    }

    @Test
    void clearForgetsEveryone() {
        users.seen("a");
        users.seen("b");

        users.clear();

        assertThat(users.size()).isZero();
        assertThat(users.stalest()).isNull();
        assertThat(users.seen("a").ruleState(0)).isNull();
    }
}
