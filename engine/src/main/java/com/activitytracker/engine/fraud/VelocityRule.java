package com.activitytracker.engine.fraud;

import com.activitytracker.engine.event.ActivityEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** HIGH_VELOCITY: at least {@code velocityMaxEvents} events of any type by one user within the window. */
public final class VelocityRule implements FraudRule<RuleWindow> {
    public static final String NAME = "HIGH_VELOCITY";

    private final Clock clock;

    public VelocityRule(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean concerns(ActivityEvent event, FraudThresholds thresholds) {
        return true;
    }

    @Override
    public RuleWindow newUserState() {
        return new RuleWindow();
    }

    @Override
    public Optional<FraudAlert> apply(
            RuleWindow events, ActivityEvent event, long eventMillis, long newestMillis, FraudThresholds thresholds) {
        long window = thresholds.velocityWindow().toMillis();
        long cutoff = newestMillis - window;
        events.evictUpTo(cutoff);
        if (eventMillis <= cutoff) {
            return Optional.empty();
        }
        int threshold = thresholds.velocityMaxEvents();
        events.add(eventMillis, event.eventId(), RuleWindow.retainedFor(threshold));
        if (events.size() < threshold || events.coolingDown(eventMillis, window)) {
            return Optional.empty();
        }
        events.alerted(eventMillis);
        return Optional.of(alert(event, events, threshold, thresholds.velocityWindow()));
    }

    private FraudAlert alert(ActivityEvent event, RuleWindow events, int threshold, Duration window) {
        int count = events.size();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("count", count);
        details.put("window_seconds", window.toSeconds());
        details.put("threshold", threshold);
        return new FraudAlert(
                FraudAlert.alertIdFor(NAME, event.userId(), event.eventId()),
                NAME,
                Severity.HIGH,
                event.userId(),
                clock.instant(),
                event.timestamp(),
                "User has " + count + " events in the last " + AlertText.span(window),
                events.ids(),
                details);
    }
}
