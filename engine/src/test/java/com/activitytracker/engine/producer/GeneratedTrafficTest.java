package com.activitytracker.engine.producer;

import static org.assertj.core.api.Assertions.assertThat;

import com.activitytracker.engine.event.ActivityEvent;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class GeneratedTrafficTest {
    private static final Instant START = Instant.parse("2026-11-26T10:00:00Z");

    /**
     * Unlimited, the producer asks faster than the 50,000/s the sessions are first sized for. Sized
     * for the rate it is called at, users keep a human pace and visits their usual length; sized for
     * 50,000/s, the generator crowded and nearly every event was a new visitor's landing page.
     */
    @Test
    void unlimitedRateSizesTheSessionsForTheRateItIsCalledAt() {
        GeneratedTraffic traffic = new GeneratedTraffic(7);
        traffic.setTargetRate(Double.POSITIVE_INFINITY);
        double callsPerSecond = 100_000;
        Set<String> sessions = new HashSet<>();
        long events = 1_600_000;
        for (long i = 0; i < events; i++) {
            ActivityEvent event = traffic.next(START.plusNanos((long) (i * 1e9 / callsPerSecond)));
            sessions.add(event.sessionId());
        }
        // crowded, a visit made 1.2 events; sized, visits go on (about 15 events, 5 s apart), so in
        // these 16 s most of the half a million visits started are still going
        assertThat((double) events / sessions.size()).isGreaterThan(2.0);
        assertThat(traffic.activeSessions()).isBetween(300_000, 700_000);
    }

    @Test
    void aSetRateKeepsItsSizing() {
        GeneratedTraffic set = new GeneratedTraffic(7);
        set.setTargetRate(1_000);
        for (long i = 0; i < 200_000; i++) {
            set.next(START.plusNanos(i * 100_000)); // called at 10,000/s, ten times the set rate
        }
        // sessions stay capped for the set rate (2 x 5,000 + 64), not for the rate of the calls
        assertThat(set.activeSessions()).isLessThanOrEqualTo(10_064);
    }
}
