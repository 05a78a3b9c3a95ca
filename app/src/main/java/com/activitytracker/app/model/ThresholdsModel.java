package com.activitytracker.app.model;

import com.activitytracker.engine.fraud.FraudThresholds;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The fraud thresholds as editable values (the view's spinners bind to them both ways); every change
 * is applied to the running detector at once, or refused with the reason.
 */
public final class ThresholdsModel {
    private final EngineCommands engine;

    private final ObjectProperty<Integer> velocityMaxEvents = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> velocityWindowSeconds = new SimpleObjectProperty<>();
    private final ObjectProperty<Double> highValueAmount = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> cardTestCount = new SimpleObjectProperty<>();
    private final ObjectProperty<Double> cardTestMaxAmount = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> cardTestWindowSeconds = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> atoFailedLogins = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> atoWindowSeconds = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> travelWindowSeconds = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private boolean loading;

    public ThresholdsModel(EngineCommands engine) {
        this.engine = Objects.requireNonNull(engine);
        load(engine.thresholds());
        List.of(velocityMaxEvents, velocityWindowSeconds, highValueAmount, cardTestCount, cardTestMaxAmount,
                cardTestWindowSeconds, atoFailedLogins, atoWindowSeconds, travelWindowSeconds)
                .forEach(p -> p.addListener((obs, old, value) -> {
                    if (!loading) {
                        apply();
                    }
                }));
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

    /** Why the last change was refused; empty when it applied. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    // ---- Commands ------------------------------------------------------------------------------

    /** Applies the current values to the detector. */
    public void apply() {
        try {
            FraudThresholds t = new FraudThresholds(velocityMaxEvents.get(), seconds(velocityWindowSeconds),
                    highValueAmount.get(), cardTestCount.get(), cardTestMaxAmount.get(), seconds(cardTestWindowSeconds),
                    atoFailedLogins.get(), seconds(atoWindowSeconds), seconds(travelWindowSeconds));
            engine.updateThresholds(t);
            error.set("");
        } catch (IllegalArgumentException | NullPointerException e) {
            error.set(e.getMessage() == null ? "Every threshold needs a value" : e.getMessage());
        }
    }

    /** Shows the given thresholds without applying them, e.g. the engine's after a restart. */
    public void load(FraudThresholds t) {
        loading = true;
        try {
            velocityMaxEvents.set(t.velocityMaxEvents());
            velocityWindowSeconds.set((int) t.velocityWindow().toSeconds());
            highValueAmount.set(t.highValueAmount());
            cardTestCount.set(t.cardTestCount());
            cardTestMaxAmount.set(t.cardTestMaxAmount());
            cardTestWindowSeconds.set((int) t.cardTestWindow().toSeconds());
            atoFailedLogins.set(t.atoFailedLogins());
            atoWindowSeconds.set((int) t.atoWindow().toSeconds());
            travelWindowSeconds.set((int) t.travelWindow().toSeconds());
            error.set("");
        } finally {
            loading = false;
        }
    }

    private static Duration seconds(ObjectProperty<Integer> p) {
        return p.get() == null ? null : Duration.ofSeconds(p.get());
    }
}
