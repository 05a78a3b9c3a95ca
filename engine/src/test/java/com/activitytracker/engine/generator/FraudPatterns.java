package com.activitytracker.engine.generator;

import com.activitytracker.engine.event.ActivityEvent;
import com.activitytracker.engine.event.EventTypes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The patterns of docs/CONTRACTS.md's fraud rules at their default thresholds, written independently of
 * the detector so the generator can be checked on its own. Windows are inclusive, which errs towards
 * firing: ordinary traffic that passes here passes the detector too.
 */
final class FraudPatterns {
    static final String HIGH_VELOCITY = "HIGH_VELOCITY";
    static final String HIGH_VALUE_PURCHASE = "HIGH_VALUE_PURCHASE";
    static final String CARD_TESTING = "CARD_TESTING";
    static final String ACCOUNT_TAKEOVER = "ACCOUNT_TAKEOVER";
    static final String IMPOSSIBLE_TRAVEL = "IMPOSSIBLE_TRAVEL";

    static final int VELOCITY_MAX_EVENTS = 30;
    static final Duration VELOCITY_WINDOW = Duration.ofSeconds(60);
    static final double HIGH_VALUE_AMOUNT = 5_000;
    static final int CARD_TEST_COUNT = 5;
    static final double CARD_TEST_MAX_AMOUNT = 5.00;
    static final Duration CARD_TEST_WINDOW = Duration.ofMinutes(10);
    static final int ATO_FAILED_LOGINS = 5;
    static final Duration ATO_WINDOW = Duration.ofMinutes(15);
    static final Duration TRAVEL_WINDOW = Duration.ofMinutes(60);

    private FraudPatterns() {}

    /** For each rule, the users whose events match its pattern. */
    static Map<String, Set<String>> usersByRule(List<ActivityEvent> events) {
        Map<String, Set<String>> tripped = new TreeMap<>();
        byUser(events).forEach((user, own) -> {
            for (String rule : rulesTrippedBy(own)) {
                tripped.computeIfAbsent(rule, r -> new TreeSet<>()).add(user);
            }
        });
        return tripped;
    }

    /** The rules one user's events (in time order) trip. */
    static Set<String> rulesTrippedBy(List<ActivityEvent> own) {
        Set<String> rules = new TreeSet<>();
        if (maxWithin(own, VELOCITY_WINDOW, e -> true) >= VELOCITY_MAX_EVENTS) {
            rules.add(HIGH_VELOCITY);
        }
        if (own.stream().anyMatch(e -> e.is(EventTypes.PURCHASE) && e.amount() >= HIGH_VALUE_AMOUNT)) {
            rules.add(HIGH_VALUE_PURCHASE);
        }
        if (maxWithin(own, CARD_TEST_WINDOW, FraudPatterns::isSmallPurchase) >= CARD_TEST_COUNT) {
            rules.add(CARD_TESTING);
        }
        if (maxFailedLoginsBeforeALogin(own) >= ATO_FAILED_LOGINS) {
            rules.add(ACCOUNT_TAKEOVER);
        }
        if (changesCountryWithin(own, TRAVEL_WINDOW)) {
            rules.add(IMPOSSIBLE_TRAVEL);
        }
        return rules;
    }

    static Map<String, List<ActivityEvent>> byUser(List<ActivityEvent> events) {
        Map<String, List<ActivityEvent>> byUser = new LinkedHashMap<>();
        for (ActivityEvent e : events) {
            byUser.computeIfAbsent(e.userId(), u -> new ArrayList<>()).add(e);
        }
        byUser.values().forEach(own -> own.sort(Comparator.comparing(ActivityEvent::timestamp)));
        return byUser;
    }

    static boolean isSmallPurchase(ActivityEvent e) {
        return e.is(EventTypes.PURCHASE) && e.amount() < CARD_TEST_MAX_AMOUNT;
    }

    /** The most matching events found in any window of the given length (ends included). */
    static int maxWithin(List<ActivityEvent> own, Duration window, Predicate<ActivityEvent> matching) {
        List<Instant> times =
                own.stream().filter(matching).map(ActivityEvent::timestamp).toList();
        int best = 0;
        int first = 0;
        for (int last = 0; last < times.size(); last++) {
            while (Duration.between(times.get(first), times.get(last)).compareTo(window) > 0) {
                first++;
            }
            best = Math.max(best, last - first + 1);
        }
        return best;
    }

    /** The most failed logins within the ATO window before any successful login. */
    static int maxFailedLoginsBeforeALogin(List<ActivityEvent> own) {
        int best = 0;
        for (ActivityEvent login : own) {
            if (login.is(EventTypes.LOGIN)) {
                Instant from = login.timestamp().minus(ATO_WINDOW);
                int failed = (int) own.stream()
                        .filter(e -> e.is(EventTypes.LOGIN_FAILED))
                        .filter(e ->
                                !e.timestamp().isBefore(from) && !e.timestamp().isAfter(login.timestamp()))
                        .count();
                best = Math.max(best, failed);
            }
        }
        return best;
    }

    /** Whether two events in different countries lie within the window; checking neighbours suffices. */
    static boolean changesCountryWithin(List<ActivityEvent> own, Duration window) {
        ActivityEvent previous = null;
        for (ActivityEvent e : own) {
            if (e.country() == null) {
                continue;
            }
            if (previous != null
                    && !Objects.equals(previous.country(), e.country())
                    && Duration.between(previous.timestamp(), e.timestamp()).compareTo(window) <= 0) {
                return true;
            }
            previous = e;
        }
        return false;
    }
}
