package com.activitytracker.engine.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class SessionScheduleTest {

    @Test
    void firstIsAlwaysTheSessionDueSoonest() {
        SplittableRandom random = new SplittableRandom(5);
        SessionSchedule schedule = new SessionSchedule();
        PriorityQueue<long[]> reference = new PriorityQueue<>(Comparator.comparingLong(a -> a[0]));
        List<ShopSession> sessions = sessions(1_000);
        for (int step = 0; step < 100_000; step++) {
            int op = random.nextInt(3);
            if (schedule.isEmpty() || op == 0 && schedule.size() < sessions.size()) {
                long due = random.nextLong(1_000_000);
                schedule.add(sessions.get(schedule.size()), due);
                reference.add(new long[] {due});
            } else if (op == 1) {
                long due = schedule.firstDue() + random.nextLong(1_000);
                schedule.rescheduleFirst(due);
                reference.poll();
                reference.add(new long[] {due});
            } else {
                schedule.removeFirst();
                reference.poll();
            }
            assertThat(schedule.size()).isEqualTo(reference.size());
            if (!schedule.isEmpty()) {
                assertThat(schedule.firstDue()).isEqualTo(reference.peek()[0]);
            }
        }
    }

    @Test
    void eachSessionLeavesWithTheTimeItWasGivenInOrder() {
        SplittableRandom random = new SplittableRandom(9);
        SessionSchedule schedule = new SessionSchedule();
        java.util.Map<ShopSession, Long> dueOf = new java.util.IdentityHashMap<>();
        for (ShopSession session : sessions(5_000)) {
            long due = random.nextLong(1_000_000);
            schedule.add(session, due);
            dueOf.put(session, due);
        }
        for (int i = 0; i < 20_000; i++) {
            long due = schedule.firstDue() + random.nextLong(100_000);
            dueOf.put(schedule.first(), due);
            schedule.rescheduleFirst(due);
        }
        long previous = Long.MIN_VALUE;
        while (!schedule.isEmpty()) {
            long due = schedule.firstDue();
            assertThat(dueOf.remove(schedule.first())).isEqualTo(due);
            assertThat(due).isGreaterThanOrEqualTo(previous);
            previous = due;
            schedule.removeFirst();
        }
        assertThat(dueOf).isEmpty();
    }

    @Test
    void sessionsKeepTheirOwnTimesAcrossArrivalsLeavesGrowthAndShrinking() {
        SplittableRandom random = new SplittableRandom(13);
        SessionSchedule schedule = new SessionSchedule();
        java.util.Map<ShopSession, Long> dueOf = new java.util.IdentityHashMap<>();
        List<ShopSession> waiting = new ArrayList<>(sessions(4_000));
        // rises to thousands of sessions, falls to a handful, rises again: slots are reused and repacked
        for (int phase = 0; phase < 4; phase++) {
            boolean rising = phase % 2 == 0;
            for (int step = 0; step < 30_000; step++) {
                int op = random.nextInt(10);
                boolean add = rising ? op < 6 : op < 2;
                if (add && !waiting.isEmpty() || schedule.isEmpty()) {
                    ShopSession session = waiting.remove(waiting.size() - 1);
                    long due = random.nextLong(1_000_000_000L);
                    schedule.add(session, due);
                    dueOf.put(session, due);
                } else if (op % 2 == 0) {
                    long due = schedule.firstDue() + random.nextLong(1_000_000);
                    dueOf.put(schedule.first(), due);
                    schedule.rescheduleFirst(due);
                } else {
                    ShopSession first = schedule.first();
                    assertThat(dueOf.remove(first)).isEqualTo(schedule.firstDue());
                    assertThat(schedule.removeFirst()).isSameAs(first);
                    waiting.add(first);
                }
                assertThat(schedule.size()).isEqualTo(dueOf.size());
                if (!schedule.isEmpty()) {
                    long soonest = dueOf.values().stream().min(Long::compare).orElseThrow();
                    assertThat(schedule.firstDue()).isEqualTo(soonest);
                    assertThat(dueOf.get(schedule.first())).isEqualTo(soonest);
                }
            }
        }
    }

    @Test
    void clearHandsBackEverySession() {
        SessionSchedule schedule = new SessionSchedule();
        List<ShopSession> sessions = sessions(300);
        for (int i = 0; i < sessions.size(); i++) {
            schedule.add(sessions.get(i), 1_000 - i);
        }
        List<ShopSession> removed = new ArrayList<>();

        schedule.clear(removed::add);

        assertThat(removed).containsExactlyInAnyOrderElementsOf(sessions);
        assertThat(schedule.isEmpty()).isTrue();
    }

    private static List<ShopSession> sessions(int count) {
        SplittableRandom random = new SplittableRandom(1);
        Storefront shop = new Storefront(random, new Catalog(random), new TrafficSources());
        UserDirectory directory = new UserDirectory(1, new Geography(), new DeviceMix());
        List<ShopSession> sessions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sessions.add(new ShopSession(shop, directory.ordinary(i), i));
        }
        return sessions;
    }
}
