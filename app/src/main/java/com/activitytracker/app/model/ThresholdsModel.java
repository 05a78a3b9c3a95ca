package com.activitytracker.app.model;

import com.activitytracker.engine.fraud.FraudThresholds;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The fraud thresholds as editable values (the view's spinners bind to them both ways); every change
 * is applied to the running detector at once, or refused with the reason.
 */
public final class ThresholdsModel {
    private final EngineCommands engine;
    private final ThresholdsForm form;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private boolean loading;

    public ThresholdsModel(EngineCommands engine) {
        this.engine = Objects.requireNonNull(engine);
        this.form = new ThresholdsForm(engine.thresholds());
        form.all()
                .forEach(p -> p.addListener((obs, old, value) -> {
                    if (!loading) {
                        apply();
                    }
                }));
    }

    // ---- Properties ----------------------------------------------------------------------------

    public ObjectProperty<Integer> velocityMaxEventsProperty() {
        return form.velocityMaxEventsProperty();
    }

    public ObjectProperty<Integer> velocityWindowSecondsProperty() {
        return form.velocityWindowSecondsProperty();
    }

    public ObjectProperty<Double> highValueAmountProperty() {
        return form.highValueAmountProperty();
    }

    public ObjectProperty<Integer> cardTestCountProperty() {
        return form.cardTestCountProperty();
    }

    public ObjectProperty<Double> cardTestMaxAmountProperty() {
        return form.cardTestMaxAmountProperty();
    }

    public ObjectProperty<Integer> cardTestWindowSecondsProperty() {
        return form.cardTestWindowSecondsProperty();
    }

    public ObjectProperty<Integer> atoFailedLoginsProperty() {
        return form.atoFailedLoginsProperty();
    }

    public ObjectProperty<Integer> atoWindowSecondsProperty() {
        return form.atoWindowSecondsProperty();
    }

    public ObjectProperty<Integer> travelWindowSecondsProperty() {
        return form.travelWindowSecondsProperty();
    }

    /** The values themselves, for a view that lays them out. */
    public ThresholdsForm form() {
        return form;
    }

    /** Why the last change was refused; empty when it applied. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    // ---- Commands ------------------------------------------------------------------------------

    /** Applies the current values to the detector. */
    public void apply() {
        try {
            engine.updateThresholds(form.toThresholds());
            error.set("");
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
        }
    }

    /** Shows the given thresholds without applying them, e.g. the engine's after a restart. */
    public void load(FraudThresholds t) {
        loading = true;
        try {
            form.load(t);
            error.set("");
        } finally {
            loading = false;
        }
    }
}
