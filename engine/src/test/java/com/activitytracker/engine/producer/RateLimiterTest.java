package com.activitytracker.engine.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("unit")
class RateLimiterTest {
    /** A clock the test moves by hand. */
    private static final class FakeNanoClock {
        long now = 1_000_000_000L;

        long get() {
            return now;
        }
    }

    private final FakeNanoClock clock = new FakeNanoClock();

    /** Drives the limiter the way the producer does, in 1 ms steps, and counts permits. */
    private long permitsOver(RateLimiter limiter, long nanos) {
        long granted = 0;
        long end = clock.now + nanos;
        while (clock.now < end) {
            granted += limiter.acquireDue(1_000);
            clock.now += TimeUnit.MILLISECONDS.toNanos(1);
        }
        return granted;
    }

    @ParameterizedTest(name = "{0} events/s")
    @ValueSource(doubles = {10, 1_000, 50_000})
    void holdsTheTargetWithinFivePercentOverTenSeconds(double rate) {
        RateLimiter limiter = new RateLimiter(clock::get, rate);
        long granted = permitsOver(limiter, TimeUnit.SECONDS.toNanos(10));
        assertThat((double) granted).isCloseTo(rate * 10, within(rate * 10 * 0.05));
    }

    @Test
    void grantsPermitsInBurstsOfFiveMillisecondsEvenlySpaced() {
        RateLimiter limiter = new RateLimiter(clock::get, 1_000);
        List<Long> burstTimes = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            int granted = limiter.acquireDue(1_000);
            if (granted > 0) {
                assertThat(granted).isEqualTo(5);
                burstTimes.add(clock.now);
            }
            clock.now += TimeUnit.MILLISECONDS.toNanos(1);
        }
        assertThat(burstTimes).hasSize(400);
        for (int i = 1; i < burstTimes.size(); i++) {
            assertThat(burstTimes.get(i) - burstTimes.get(i - 1)).isEqualTo(RateLimiter.BURST_NANOS);
        }
    }

    @Test
    void atLowRatesABurstIsASingleEvent() {
        RateLimiter limiter = new RateLimiter(clock::get, 100);
        for (int i = 0; i < 1_000; i++) {
            assertThat(limiter.acquireDue(1_000)).isLessThanOrEqualTo(1);
            clock.now += TimeUnit.MILLISECONDS.toNanos(1);
        }
    }

    @Test
    void nothingIsGrantedAheadUntilTheFirstPermitIsDue() {
        RateLimiter limiter = new RateLimiter(clock::get, 1_000);
        assertThat(limiter.acquireDue(1_000)).isEqualTo(5);
        clock.now += TimeUnit.MILLISECONDS.toNanos(4);
        assertThat(limiter.acquireDue(1_000)).isZero();
        assertThat(limiter.nanosUntilNextPermit()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(1));
    }

    @Test
    void aNewTargetTakesEffectAtOnce() {
        RateLimiter limiter = new RateLimiter(clock::get, 1);
        limiter.acquireDue(1);
        limiter.setRate(1_000);
        clock.now += TimeUnit.MILLISECONDS.toNanos(2);
        assertThat(limiter.acquireDue(1_000)).isGreaterThanOrEqualTo(1);
        assertThat(permitsOver(limiter, TimeUnit.SECONDS.toNanos(1))).isBetween(950L, 1_050L);
    }

    @Test
    void loweringTheTargetSlowsDownImmediately() {
        RateLimiter limiter = new RateLimiter(clock::get, 10_000);
        permitsOver(limiter, TimeUnit.SECONDS.toNanos(1));
        limiter.setRate(10);
        assertThat(permitsOver(limiter, TimeUnit.SECONDS.toNanos(2))).isBetween(19L, 21L);
    }

    @Test
    void zeroPausesAndResumingStartsAfresh() {
        RateLimiter limiter = new RateLimiter(clock::get, 0);
        assertThat(permitsOver(limiter, TimeUnit.SECONDS.toNanos(5))).isZero();
        assertThat(limiter.nanosUntilNextPermit()).isEqualTo(Long.MAX_VALUE);
        limiter.setRate(100);
        assertThat(permitsOver(limiter, TimeUnit.SECONDS.toNanos(1))).isBetween(99L, 101L);
    }

    @Test
    void aStallIsNotRepaidAsABurst() {
        RateLimiter limiter = new RateLimiter(clock::get, 1_000);
        limiter.acquireDue(1_000);
        clock.now += TimeUnit.SECONDS.toNanos(5);
        // 20 ms of catch-up and the 5 ms burst, not 5 s of events
        assertThat(limiter.acquireDue(100_000)).isLessThanOrEqualTo(26);
    }

    @Test
    void unlimitedGrantsEverythingAskedFor() {
        RateLimiter limiter = new RateLimiter(clock::get, RateLimiter.UNLIMITED);
        assertThat(limiter.acquireDue(1_000)).isEqualTo(1_000);
        assertThat(limiter.nanosUntilNextPermit()).isZero();
    }

    @Test
    void reportsTheWaitUntilTheNextPermit() {
        RateLimiter limiter = new RateLimiter(clock::get, 10);
        assertThat(limiter.acquireDue(10)).isEqualTo(1);
        assertThat(limiter.nanosUntilNextPermit()).isCloseTo(100_000_000L, within(1_000L));
    }
}
