package com.activitytracker.app.view;

import com.activitytracker.app.model.ThresholdsForm;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;

/** The nine fraud thresholds as labelled spinners bound both ways to a form: the live panel and "what if". */
final class ThresholdGrid {
    private final GridPane grid = new GridPane();
    /** Spinner value factories are bound both ways to the form; keep them reachable. */
    private final List<SpinnerValueFactory<?>> factories = new ArrayList<>();

    private final String idPrefix;

    /** @param idPrefix prefixed to every spinner's id, so two grids on screen stay apart */
    ThresholdGrid(ThresholdsForm t, String idPrefix) {
        this.idPrefix = idPrefix;
        grid.getStyleClass().add("threshold-grid");
        int row = 0;
        grid.addRow(
                row++,
                field("Velocity events", "HIGH_VELOCITY: this many events of one user within the window"),
                intSpinner("velocity-max-events", t.velocityMaxEventsProperty(), 1, 100_000, 1));
        grid.addRow(
                row++,
                field("Velocity window s", "HIGH_VELOCITY: window in seconds"),
                intSpinner("velocity-window", t.velocityWindowSecondsProperty(), 1, 604_800, 10));
        grid.addRow(
                row++,
                field("High value $", "HIGH_VALUE_PURCHASE: a purchase of at least this amount"),
                doubleSpinner("high-value-amount", t.highValueAmountProperty(), 1, 10_000_000, 500));
        grid.addRow(
                row++,
                field("Card tests", "CARD_TESTING: this many small purchases within the window"),
                intSpinner("card-test-count", t.cardTestCountProperty(), 1, 10_000, 1));
        grid.addRow(
                row++,
                field("Card test max $", "CARD_TESTING: a purchase below this amount is small"),
                doubleSpinner("card-test-max-amount", t.cardTestMaxAmountProperty(), 0.01, 10_000, 0.5));
        grid.addRow(
                row++,
                field("Card test window s", "CARD_TESTING: window in seconds"),
                intSpinner("card-test-window", t.cardTestWindowSecondsProperty(), 1, 604_800, 60));
        grid.addRow(
                row++,
                field("Failed logins", "ACCOUNT_TAKEOVER: failed logins before a successful one"),
                intSpinner("ato-failed-logins", t.atoFailedLoginsProperty(), 1, 10_000, 1));
        grid.addRow(
                row++,
                field("Login window s", "ACCOUNT_TAKEOVER: window in seconds"),
                intSpinner("ato-window", t.atoWindowSecondsProperty(), 1, 604_800, 60));
        grid.addRow(
                row,
                field("Travel window s", "IMPOSSIBLE_TRAVEL: two countries within this many seconds"),
                intSpinner("travel-window", t.travelWindowSecondsProperty(), 1, 604_800, 300));
    }

    GridPane node() {
        return grid;
    }

    private static Label field(String text, String tip) {
        Label label = Styles.label(text, "field-label");
        label.setTooltip(new Tooltip(tip));
        label.setMinWidth(Region.USE_PREF_SIZE); // a name cut short is no name: the spinner gives way instead
        return label;
    }

    private Spinner<Integer> intSpinner(String id, ObjectProperty<Integer> value, int min, int max, int step) {
        SpinnerValueFactory.IntegerSpinnerValueFactory factory = new SpinnerValueFactory.IntegerSpinnerValueFactory(
                min, max, value.get() == null ? min : value.get(), step);
        factory.valueProperty().bindBidirectional(value);
        factories.add(factory);
        return spinner(id, factory);
    }

    private Spinner<Double> doubleSpinner(
            String id, ObjectProperty<Double> value, double min, double max, double step) {
        SpinnerValueFactory.DoubleSpinnerValueFactory factory = new SpinnerValueFactory.DoubleSpinnerValueFactory(
                min, max, value.get() == null ? min : value.get(), step);
        factory.valueProperty().bindBidirectional(value);
        factories.add(factory);
        return spinner(id, factory);
    }

    private <T> Spinner<T> spinner(String id, SpinnerValueFactory<T> factory) {
        Spinner<T> spinner = new Spinner<>(factory);
        spinner.setId(idPrefix + id);
        spinner.setEditable(true);
        spinner.setPrefWidth(100);
        spinner.getProperties()
                .put(ThresholdGrid.class, this); // the grid (and its factories) lives as long as the spinner
        return spinner;
    }
}
