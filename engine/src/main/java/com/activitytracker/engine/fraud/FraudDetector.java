package com.activitytracker.engine.fraud;

import com.activitytracker.engine.event.ActivityEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the five fraud rules of docs/CONTRACTS.md over a stream of activity events and owns what they
 * remember about each user. Not thread-safe: one detector per consumer thread, which suits Kafka
 * since all of a user's events arrive on one partition.
 *
 * <p>Memory stays bounded however many users pass through: a user's state is dropped once the
 * watermark (the newest event time seen) is more than the longest window past the user's newest
 * event; only an event of theirs arriving that far behind the rest of the stream could still have
 * used it. Users are kept in least-recently-seen order and a few of the stalest are checked per
 * event, so expiry costs O(1) per event and never scans. The order is {@link TrackedUsers}': that of
 * an access-ordered map, kept without writing into other users' objects on every event.
 *
 * <p>And a hard cap: at most {@code maxTrackedUsers} users are kept. At high rates the longest
 * window (60 min of travel by default) holds millions of users — 20,000 events/s brings about
 * 1,300 new visitors a second, 0.5–0.7 KB of state each (docs/BENCHMARKS.md, "Fraud detector
 * per-user state") — so past the cap the least recently active
 * user's windows are forgotten first. An attacker is by nature among the most recently active, so
 * the patterns a demo or an attack shows are still caught; a dormant user's hour-old country is not.
 */
public final class FraudDetector {
    private static final Logger log = LoggerFactory.getLogger(FraudDetector.class);

    /** Two per event outpaces the at most one user an event can add, so a backlog always drains. */
    private static final int EXPIRIES_PER_EVENT = 2;

    /** Users tracked at most by default: about 115 MB of state, as measured in docs/BENCHMARKS.md. */
    public static final int DEFAULT_MAX_TRACKED_USERS = 250_000;

    /**
     * How far ahead of the clock an event time may advance windows and the watermark. A single
     * event dated years ahead would otherwise expire every user at once and make that user's
     * real events look too late to count.
     */
    static final Duration MAX_FUTURE_SKEW = Duration.ofMinutes(5);

    /** Keeps event times where window arithmetic cannot overflow (about ±300,000 years). */
    private static final long MAX_EPOCH_SECONDS = 10_000_000_000_000L;

    private final Clock clock;
    private final FraudRule<?>[] rules;
    private final TrackedUsers users = new TrackedUsers();
    private final int maxTrackedUsers;
    private long forgottenUsers;
    private FraudThresholds thresholds;
    private long longestWindowMillis;
    private long watermarkMillis = Long.MIN_VALUE;

    /** A detector with the five standard rules; {@code clock} stamps {@code detected_at} and bounds future-dated events. */
    public FraudDetector(FraudThresholds thresholds, Clock clock) {
        this(thresholds, clock, DEFAULT_MAX_TRACKED_USERS);
    }

    /** @param maxTrackedUsers past this many users, the least recently active is forgotten */
    public FraudDetector(FraudThresholds thresholds, Clock clock, int maxTrackedUsers) {
        if (maxTrackedUsers < 1) {
            throw new IllegalArgumentException("maxTrackedUsers must be positive");
        }
        this.maxTrackedUsers = maxTrackedUsers;
        this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
        this.longestWindowMillis = thresholds.longestWindow().toMillis();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rules = new FraudRule<?>[] {
            new VelocityRule(clock),
            new HighValuePurchaseRule(clock),
            new CardTestingRule(clock),
            new AccountTakeoverRule(clock),
            new ImpossibleTravelRule(clock),
        };
        assert rules.length <= TrackedUser.MAX_RULES;
    }

    // Commands

    /** Takes one event in and returns the alerts it raises, usually none. */
    public List<FraudAlert> onEvent(ActivityEvent event) {
        return process(Objects.requireNonNull(event, "event"));
    }

    /**
     * Takes one event in without raising alerts: for rebuilding windows after a restart by
     * re-reading the last window of events, whose alerts were raised before. The rules still
     * note when they would have alerted, so the same patterns are not reported a second time.
     */
    public void warmUp(ActivityEvent event) {
        process(Objects.requireNonNull(event, "event"));
    }

    /** New thresholds, in force from the next event; what the rules remember is kept. */
    public void updateThresholds(FraudThresholds newThresholds) {
        Objects.requireNonNull(newThresholds, "thresholds");
        if (!newThresholds.equals(thresholds)) {
            log.info("Fraud thresholds changed from {} to {}", thresholds, newThresholds);
        }
        thresholds = newThresholds;
        longestWindowMillis = newThresholds.longestWindow().toMillis();
    }

    /** Forgets every user and the watermark, as if just created. */
    public void reset() {
        users.clear();
        watermarkMillis = Long.MIN_VALUE;
    }

    // Properties

    public FraudThresholds thresholds() {
        return thresholds;
    }

    /** Users dropped by the cap while still inside the longest window. */
    public long forgottenUsers() {
        return forgottenUsers;
    }

    /** Users whose state is still kept. */
    public int trackedUsers() {
        return users.size();
    }

    /** The newest event time seen, if any event was. */
    public Optional<Instant> watermark() {
        return watermarkMillis == Long.MIN_VALUE
                ? Optional.empty()
                : Optional.of(Instant.ofEpochMilli(watermarkMillis));
    }

    /** Names of the rules this detector runs, in the order their alerts are returned. */
    public List<String> ruleNames() {
        List<String> names = new ArrayList<>(rules.length);
        for (FraudRule<?> rule : rules) {
            names.add(rule.name());
        }
        return List.copyOf(names);
    }

    private List<FraudAlert> process(ActivityEvent event) {
        FraudThresholds current = thresholds;
        long eventMillis = eventMillis(event.timestamp());
        if (eventMillis > watermarkMillis) {
            watermarkMillis = eventMillis;
        }
        TrackedUser user = users.seen(event.userId());
        user.saw(eventMillis);
        List<FraudAlert> alerts = List.of();
        for (int i = 0; i < rules.length; i++) {
            Optional<FraudAlert> alert = apply(rules[i], i, user, event, eventMillis, current);
            if (alert.isPresent()) {
                if (alerts.isEmpty()) {
                    alerts = new ArrayList<>(2);
                }
                alerts.add(alert.get());
            }
        }
        expireIdleUsers();
        return alerts;
    }

    private static <S> Optional<FraudAlert> apply(
            FraudRule<S> rule,
            int index,
            TrackedUser user,
            ActivityEvent event,
            long eventMillis,
            FraudThresholds thresholds) {
        if (!rule.concerns(event, thresholds)) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked") // slot `index` only ever holds what rules[index] created
        S state = (S) user.ruleState(index);
        if (state == null) {
            state = rule.newUserState();
            user.ruleState(index, state);
        }
        return rule.apply(state, event, eventMillis, user.newestMillis(), thresholds);
    }

    private void expireIdleUsers() {
        long horizon = watermarkMillis - longestWindowMillis;
        if (users.size() > maxTrackedUsers) {
            users.removeStalest();
            forgottenUsers++;
        }
        for (int i = 0; i < EXPIRIES_PER_EVENT; i++) {
            TrackedUser stalest = users.stalest();
            if (stalest == null || stalest.newestMillis() >= horizon) {
                return;
            }
            users.removeStalest();
        }
    }

    private long eventMillis(Instant timestamp) {
        long seconds = Math.max(-MAX_EPOCH_SECONDS, Math.min(MAX_EPOCH_SECONDS, timestamp.getEpochSecond()));
        long millis = seconds == timestamp.getEpochSecond() ? timestamp.toEpochMilli() : seconds * 1000;
        return Math.min(millis, clock.millis() + MAX_FUTURE_SKEW.toMillis());
    }
}
