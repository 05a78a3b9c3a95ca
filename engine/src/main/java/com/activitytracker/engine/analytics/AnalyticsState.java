package com.activitytracker.engine.analytics;

import com.activitytracker.engine.event.ActivityEvent;
import com.activitytracker.engine.event.EventTypes;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the analytics consumer has learned from the events it read: the cumulative figures of
 * docs/CONTRACTS.md's analytics report and, by processing time from the injected clock, rolling figures
 * over the last minute.
 *
 * <p>Memory stays bounded as users grow: distinct counts (users, sessions, four funnel steps) are
 * exact up to {@code exactDistinctLimit} values each and HyperLogLog estimates beyond (see
 * {@link DistinctCounter}); the rolling figures live in fixed per-second buckets. Recording an event
 * allocates nothing once its event type and category have been seen, apart from the exact sets'
 * occasional doubling on the way to their limit.
 *
 * <p>Not thread-safe: the consumer thread owns it and gives other threads {@link #snapshot()}s.
 */
public final class AnalyticsState {
    public static final int DEFAULT_EXACT_DISTINCT_LIMIT = 100_000;
    public static final int TOP_CATEGORIES = 5;

    private final Clock clock;
    private final Map<String, Tally> eventTypes = new HashMap<>();
    private final DistinctCounter users;
    private final DistinctCounter sessions;
    private final DistinctCounter pageViewUsers;
    private final DistinctCounter addToCartUsers;
    private final DistinctCounter checkoutUsers;
    private final DistinctCounter purchaseUsers;
    private final RollingMinute lastMinute;
    private long eventsTotal;
    private long invalidRecords;
    private long purchases;
    private double revenue;
    /** Neumaier compensation for {@link #revenue}: millions of cents-valued doubles otherwise drift. */
    private double revenueCompensation;

    public AnalyticsState(Clock clock) {
        this(clock, DEFAULT_EXACT_DISTINCT_LIMIT);
    }

    /** @param exactDistinctLimit distinct values each count keeps exactly before it switches to an estimate */
    public AnalyticsState(Clock clock, int exactDistinctLimit) {
        this.clock = Objects.requireNonNull(clock, "clock");
        users = new DistinctCounter(exactDistinctLimit);
        sessions = new DistinctCounter(exactDistinctLimit);
        pageViewUsers = new DistinctCounter(exactDistinctLimit);
        addToCartUsers = new DistinctCounter(exactDistinctLimit);
        checkoutUsers = new DistinctCounter(exactDistinctLimit);
        purchaseUsers = new DistinctCounter(exactDistinctLimit);
        lastMinute = new RollingMinute(clock.millis());
    }

    /** Adds one valid event. */
    public void record(ActivityEvent event) {
        eventsTotal++;
        String type = event.eventType();
        eventTypes.computeIfAbsent(type, t -> new Tally()).count++;
        long userHash = Hash64.of(event.userId());
        users.add(userHash);
        String sessionId = event.sessionId();
        if (sessionId != null && !sessionId.isEmpty()) {
            sessions.add(Hash64.of(sessionId));
        }
        double revenueOfEvent = 0.0;
        switch (type) {
            case EventTypes.PAGE_VIEW -> pageViewUsers.add(userHash);
            case EventTypes.ADD_TO_CART -> addToCartUsers.add(userHash);
            case EventTypes.CHECKOUT -> checkoutUsers.add(userHash);
            case EventTypes.PURCHASE -> {
                purchases++;
                purchaseUsers.add(userHash);
                revenueOfEvent = purchaseAmount(event);
                addRevenue(revenueOfEvent);
            }
            default -> {}
        }
        lastMinute.record(clock.millis(), revenueOfEvent, event.category());
    }

    /** Counts a record that failed validation; it changes no other figure. */
    public void recordInvalid() {
        invalidRecords++;
    }

    public AnalyticsSnapshot snapshot() {
        long now = clock.millis();
        Map<String, Long> typeCounts = new HashMap<>();
        eventTypes.forEach((type, tally) -> typeCounts.put(type, tally.count));
        return new AnalyticsSnapshot(
                clock.instant(),
                eventsTotal,
                invalidRecords,
                typeCounts,
                revenue + revenueCompensation,
                purchases,
                users.count(),
                sessions.count(),
                new AnalyticsSnapshot.Funnel(
                        pageViewUsers.count(), addToCartUsers.count(), checkoutUsers.count(), purchaseUsers.count()),
                distinctCountsExact(),
                lastMinute.eventsPerSecond(now),
                lastMinute.revenuePerMinute(now),
                lastMinute.topCategories(now, TOP_CATEGORIES));
    }

    /** Forgets everything, as if just created; the rolling window starts again now. */
    public void reset() {
        eventTypes.clear();
        users.reset();
        sessions.reset();
        pageViewUsers.reset();
        addToCartUsers.reset();
        checkoutUsers.reset();
        purchaseUsers.reset();
        lastMinute.reset(clock.millis());
        eventsTotal = 0;
        invalidRecords = 0;
        purchases = 0;
        revenue = 0;
        revenueCompensation = 0;
    }

    private boolean distinctCountsExact() {
        return users.isExact()
                && sessions.isExact()
                && pageViewUsers.isExact()
                && addToCartUsers.isExact()
                && checkoutUsers.isExact()
                && purchaseUsers.isExact();
    }

    /**
     * The codec guarantees a finite amount ≥ 0 on purchases; events built elsewhere may lack one, and
     * a huge JSON number reads as infinity, which would poison the total, so both count as 0.
     */
    private static double purchaseAmount(ActivityEvent event) {
        Double amount = event.amount();
        return amount == null || !Double.isFinite(amount) || amount < 0 ? 0.0 : amount;
    }

    private void addRevenue(double amount) {
        double sum = revenue + amount;
        if (Math.abs(revenue) >= Math.abs(amount)) {
            revenueCompensation += (revenue - sum) + amount;
        } else {
            revenueCompensation += (amount - sum) + revenue;
        }
        revenue = sum;
    }

    /** A mutable count, so counting a known event type does not box a new Long. */
    private static final class Tally {
        long count;
    }
}
