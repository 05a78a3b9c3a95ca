package com.activitytracker.engine.fraud;

import com.activitytracker.engine.event.ActivityEvent;
import com.activitytracker.engine.event.EventTypes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Builds events a given number of seconds after a fixed start, with ids numbered in creation order. */
final class TestEvents {
    static final Instant START = Instant.parse("2026-11-26T10:00:00Z");

    /** Well after every test event, so that no event counts as dated in the future. */
    static final Clock CLOCK = Clock.fixed(START.plus(Duration.ofDays(30)), ZoneOffset.UTC);

    private int nextId;

    static FraudDetector detector() {
        return detector(FraudThresholds.defaults());
    }

    static FraudDetector detector(FraudThresholds thresholds) {
        return new FraudDetector(thresholds, CLOCK);
    }

    static Instant at(long second) {
        return START.plusSeconds(second);
    }

    /** Feeds the events in order and returns every alert they raised. */
    static List<FraudAlert> feed(FraudDetector detector, List<ActivityEvent> events) {
        List<FraudAlert> alerts = new ArrayList<>();
        events.forEach(e -> alerts.addAll(detector.onEvent(e)));
        return alerts;
    }

    static List<FraudAlert> only(String rule, List<FraudAlert> alerts) {
        return alerts.stream().filter(a -> a.rule().equals(rule)).toList();
    }

    ActivityEvent pageView(String user, long second) {
        return builder(EventTypes.PAGE_VIEW, user, second).build();
    }

    /** One page view per second from {@code fromSecond} to {@code toSecond}, both included. */
    List<ActivityEvent> pageViews(String user, long fromSecond, long toSecond) {
        List<ActivityEvent> events = new ArrayList<>();
        for (long s = fromSecond; s <= toSecond; s++) {
            events.add(pageView(user, s));
        }
        return events;
    }

    ActivityEvent purchase(String user, long second, double amount) {
        return builder(EventTypes.PURCHASE, user, second)
                .amount(amount)
                .orderId("ord-" + nextId)
                .build();
    }

    ActivityEvent login(String user, long second) {
        return builder(EventTypes.LOGIN, user, second).build();
    }

    ActivityEvent loginFailed(String user, long second) {
        return builder(EventTypes.LOGIN_FAILED, user, second).build();
    }

    ActivityEvent seenIn(String user, long second, String country) {
        return builder(EventTypes.PAGE_VIEW, user, second)
                .geo(new ActivityEvent.Geo(country, null))
                .build();
    }

    ActivityEvent.Builder builder(String type, String user, long second) {
        return ActivityEvent.builder("evt-" + ++nextId, type, user, at(second));
    }

    static List<String> ids(List<ActivityEvent> events) {
        return events.stream().map(ActivityEvent::eventId).toList();
    }
}
