package com.activitytracker.engine.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class HumanPaceTest {
    private static final long SECOND = 1_000_000_000L;
    private final HumanPace pace = HumanPace.DEFAULT;

    @Test
    void thinkTimesStayWithinTheFloorAndTheCapAndAverageFiveSeconds() {
        SplittableRandom random = new SplittableRandom(1);
        long[] thinks = LongStream.generate(() -> pace.nextThinkNanos(random))
                .limit(200_000)
                .toArray();

        assertThat(LongStream.of(thinks).min().orElseThrow()).isGreaterThanOrEqualTo(SECOND);
        assertThat(LongStream.of(thinks).max().orElseThrow()).isLessThanOrEqualTo(60 * SECOND);
        assertThat(LongStream.of(thinks).average().orElseThrow() / SECOND).isBetween(4.9, 5.1);
    }

    @Test
    void paceGuardHoldsAHurriedUserToTwentyFourActionsAMinute() {
        // a user who would act every second if let: only the guard slows them down
        List<Long> actions = new ArrayList<>();
        long clock = Long.MIN_VALUE;
        long t = 0;
        for (int i = 0; i < 200; i++) {
            actions.add(t);
            clock = pace.paceClockAfterAction(clock, t);
            t = Math.max(t + SECOND, pace.earliestNextAction(clock));
        }

        assertThat(pace.maxActionsWithin(Duration.ofSeconds(60))).isEqualTo(24);
        assertThat(maxWithin(actions, 60 * SECOND)).isEqualTo(24);
    }

    @Test
    void paceGuardLetsAShortBurstThrough() {
        long clock = pace.paceClockAfterAction(Long.MIN_VALUE, 0);

        assertThat(pace.earliestNextAction(clock)).isLessThanOrEqualTo(SECOND);
    }

    private static int maxWithin(List<Long> times, long window) {
        int best = 0;
        int first = 0;
        for (int last = 0; last < times.size(); last++) {
            while (times.get(last) - times.get(first) > window) {
                first++;
            }
            best = Math.max(best, last - first + 1);
        }
        return best;
    }
}
