package com.activitytracker.engine.fraud;

import com.activitytracker.engine.event.ActivityEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * IMPOSSIBLE_TRAVEL: events of one user from two different {@code geo.country} within the window.
 * Events without a country say nothing about where the user is and are left out. Not thread-safe
 * (it keeps one string per country name, {@link CountryNames}), like the detector that owns it.
 */
public final class ImpossibleTravelRule implements FraudRule<CountryTrail> {
    public static final String NAME = "IMPOSSIBLE_TRAVEL";

    private final Clock clock;
    private final CountryNames countryNames = new CountryNames();

    public ImpossibleTravelRule(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean concerns(ActivityEvent event, FraudThresholds thresholds) {
        String country = event.country();
        return country != null && !country.isBlank();
    }

    @Override
    public CountryTrail newUserState() {
        return new CountryTrail();
    }

    @Override
    public Optional<FraudAlert> apply(
            CountryTrail trail, ActivityEvent event, long eventMillis, long newestMillis, FraudThresholds thresholds) {
        long window = thresholds.travelWindow().toMillis();
        long cutoff = newestMillis - window;
        trail.evictUpTo(cutoff);
        if (eventMillis <= cutoff) {
            return Optional.empty();
        }
        String country = event.country();
        int other = trail.nearestOtherCountry(country, eventMillis);
        Optional<FraudAlert> alert = Optional.empty();
        if (other >= 0 && !trail.coolingDown(eventMillis, window)) {
            trail.alerted(eventMillis);
            alert = Optional.of(alert(event, trail, other, eventMillis, thresholds.travelWindow()));
        }
        trail.record(countryNames.canonical(country), eventMillis, event.eventId());
        return alert;
    }

    private FraudAlert alert(ActivityEvent event, CountryTrail trail, int other, long eventMillis, Duration window) {
        String otherCountry = trail.country(other);
        Duration apart = Duration.ofMillis(Math.abs(eventMillis - trail.newestMillis(other)));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("countries", List.of(otherCountry, event.country()));
        details.put("seconds_apart", apart.toSeconds());
        details.put("window_seconds", window.toSeconds());
        String description =
                "User seen in " + otherCountry + " and " + event.country() + " " + AlertText.span(apart) + " apart";
        return new FraudAlert(
                FraudAlert.alertIdFor(NAME, event.userId(), event.eventId()),
                NAME,
                Severity.HIGH,
                event.userId(),
                clock.instant(),
                event.timestamp(),
                description,
                List.of(trail.newestId(other), event.eventId()),
                details);
    }
}
