package com.activitytracker.app.model;

import com.activitytracker.engine.fraud.FraudThresholds;
import java.time.Duration;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.Property;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The nine fraud thresholds as editable values, for the live thresholds panel and the "what if"
 * candidate alike; turning them into {@link FraudThresholds} validates them.
 */
public final class ThresholdsForm {
    private final ObjectProperty<Integer> velocityMaxEvents = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> velocityWindowSeconds = new SimpleObjectProperty<>();
    private final ObjectProperty<Double> highValueAmount = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> cardTestCount = new SimpleObjectProperty<>();
    private final ObjectProperty<Double> cardTestMaxAmount = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> cardTestWindowSeconds = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> atoFailedLogins = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> atoWindowSeconds = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> travelWindowSeconds = new SimpleObjectProperty<>();

    public ThresholdsForm(FraudThresholds initial) {
        load(initial);
    }

    // ---- Properties ----------------------------------------------------------------------------

    public ObjectProperty<Integer> velocityMaxEventsProperty() {
        return velocityMaxEvents;
    }

    public ObjectProperty<Integer> velocityWindowSecondsProperty() {
        return velocityWindowSeconds;
    }

    public ObjectProperty<Double> highValueAmountProperty() {
        return highValueAmount;
    }

    public ObjectProperty<Integer> cardTestCountProperty() {
        return cardTestCount;
    }

    public ObjectProperty<Double> cardTestMaxAmountProperty() {
        return cardTestMaxAmount;
    }

    public ObjectProperty<Integer> cardTestWindowSecondsProperty() {
        return cardTestWindowSeconds;
    }

    public ObjectProperty<Integer> atoFailedLoginsProperty() {
        return atoFailedLogins;
    }

    public ObjectProperty<Integer> atoWindowSecondsProperty() {
        return atoWindowSeconds;
    }

    public ObjectProperty<Integer> travelWindowSecondsProperty() {
        return travelWindowSeconds;
    }

    /** Every value, for listening to any change. */
    public List<Property<?>> all() {
        return List.of(
                velocityMaxEvents,
                velocityWindowSeconds,
                highValueAmount,
                cardTestCount,
                cardTestMaxAmount,
                cardTestWindowSeconds,
                atoFailedLogins,
                atoWindowSeconds,
                travelWindowSeconds);
    }

    // ---- Commands ------------------------------------------------------------------------------

    /**
     * The values as thresholds.
     *
     * @throws IllegalArgumentException with a one-line reason when a value is missing or out of range
     */
    public FraudThresholds toThresholds() {
        if (all().stream().anyMatch(p -> p.getValue() == null)) {
            throw new IllegalArgumentException("Every threshold needs a value");
        }
        return new FraudThresholds(
                velocityMaxEvents.get(),
                seconds(velocityWindowSeconds),
                highValueAmount.get(),
                cardTestCount.get(),
                cardTestMaxAmount.get(),
                seconds(cardTestWindowSeconds),
                atoFailedLogins.get(),
                seconds(atoWindowSeconds),
                seconds(travelWindowSeconds));
    }

    /** Shows the given thresholds. */
    public void load(FraudThresholds t) {
        velocityMaxEvents.set(t.velocityMaxEvents());
        velocityWindowSeconds.set((int) t.velocityWindow().toSeconds());
        highValueAmount.set(t.highValueAmount());
        cardTestCount.set(t.cardTestCount());
        cardTestMaxAmount.set(t.cardTestMaxAmount());
        cardTestWindowSeconds.set((int) t.cardTestWindow().toSeconds());
        atoFailedLogins.set(t.atoFailedLogins());
        atoWindowSeconds.set((int) t.atoWindow().toSeconds());
        travelWindowSeconds.set((int) t.travelWindow().toSeconds());
    }

    private static Duration seconds(ObjectProperty<Integer> p) {
        return Duration.ofSeconds(p.get());
    }
}
