package com.activitytracker.engine.fraud;

import com.activitytracker.engine.event.ActivityEvent;
import com.activitytracker.engine.event.EventTypes;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * CARD_TESTING: at least {@code cardTestCount} purchases, each below {@code cardTestMaxAmount},
 * by one user within the window: the signature of stolen card numbers being tried on cheap items.
 */
public final class CardTestingRule implements FraudRule<RuleWindow> {
    public static final String NAME = "CARD_TESTING";

    private final Clock clock;

    public CardTestingRule(Clock clock) {
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
                && event.amount() < thresholds.cardTestMaxAmount();
    }

    @Override
    public RuleWindow newUserState() {
        return new RuleWindow();
    }

    @Override
    public Optional<FraudAlert> apply(
            RuleWindow smallPurchases,
            ActivityEvent event,
            long eventMillis,
            long newestMillis,
            FraudThresholds thresholds) {
        long window = thresholds.cardTestWindow().toMillis();
        long cutoff = newestMillis - window;
        smallPurchases.evictUpTo(cutoff);
        if (eventMillis <= cutoff) {
            return Optional.empty();
        }
        int threshold = thresholds.cardTestCount();
        smallPurchases.add(eventMillis, event.eventId(), RuleWindow.retainedFor(threshold));
        if (smallPurchases.size() < threshold || smallPurchases.coolingDown(eventMillis, window)) {
            return Optional.empty();
        }
        smallPurchases.alerted(eventMillis);
        return Optional.of(alert(event, smallPurchases, thresholds));
    }

    private FraudAlert alert(ActivityEvent event, RuleWindow smallPurchases, FraudThresholds thresholds) {
        int count = smallPurchases.size();
        Duration window = thresholds.cardTestWindow();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("count", count);
        details.put("max_amount", thresholds.cardTestMaxAmount());
        details.put("window_seconds", window.toSeconds());
        details.put("threshold", thresholds.cardTestCount());
        String description = "User made " + count + " purchases under "
                + AlertText.amount(thresholds.cardTestMaxAmount()) + " in the last " + AlertText.span(window);
        return new FraudAlert(
                FraudAlert.alertIdFor(NAME, event.userId(), event.eventId()),
                NAME,
                Severity.HIGH,
                event.userId(),
                clock.instant(),
                event.timestamp(),
                description,
                smallPurchases.ids(),
                details);
    }
}
