package com.activitytracker.engine.fraud;

import com.activitytracker.engine.event.ActivityEvent;
import com.activitytracker.engine.event.EventTypes;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * HIGH_VALUE_PURCHASE: one purchase of at least {@code highValueAmount}; MEDIUM, HIGH from
 * {@link FraudThresholds#highValueHighSeverityAmount()}.
 *
 * <p>The pattern is a single event, so the rule has no window and keeps no state: every such
 * purchase is its own alert, since a second large order is news, not a repeat. A redelivered
 * purchase yields the same alert id and can be recognised downstream.
 */
public final class HighValuePurchaseRule implements FraudRule<Void> {
    public static final String NAME = "HIGH_VALUE_PURCHASE";
    private static final String DEFAULT_CURRENCY = "USD";

    private final Clock clock;

    public HighValuePurchaseRule(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean concerns(ActivityEvent event, FraudThresholds thresholds) {
        return event.is(EventTypes.PURCHASE)
                && event.amount() != null
                && event.amount() >= thresholds.highValueAmount();
    }

    @Override
    public Void newUserState() {
        return null;
    }

    @Override
    public Optional<FraudAlert> apply(
            Void state, ActivityEvent event, long eventMillis, long newestMillis, FraudThresholds thresholds) {
        double amount = event.amount();
        String currency = event.currency() == null ? DEFAULT_CURRENCY : event.currency();
        Severity severity = amount >= thresholds.highValueHighSeverityAmount() ? Severity.HIGH : Severity.MEDIUM;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("amount", amount);
        details.put("currency", currency);
        details.put("threshold", thresholds.highValueAmount());
        details.put("high_severity_from", thresholds.highValueHighSeverityAmount());
        String description = "Purchase of " + AlertText.amount(amount) + " " + currency + " is at or above the "
                + AlertText.amount(thresholds.highValueAmount()) + " high-value threshold";
        return Optional.of(new FraudAlert(
                FraudAlert.alertIdFor(NAME, event.userId(), event.eventId()),
                NAME,
                severity,
                event.userId(),
                clock.instant(),
                event.timestamp(),
                description,
                List.of(event.eventId()),
                details));
    }
}
