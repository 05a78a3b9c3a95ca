package com.activitytracker.app.view;

import com.activitytracker.app.model.BackpressureModel;
import com.activitytracker.app.model.ConsoleModel;
import com.activitytracker.app.model.ControlsModel;
import com.activitytracker.app.model.Formats;
import com.activitytracker.app.model.RateScale;
import com.activitytracker.app.model.ThresholdsModel;
import com.activitytracker.engine.generator.Scenario;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The left column: event rate, pause and reset, attack scenarios, fraud thresholds. */
final class ControlsPane {
    private final VBox box;

    private final Shortcuts keys;

    ControlsPane(ConsoleModel model, Shortcuts keys, Runnable openWhatIf) {
        this.keys = keys;
        Node thresholds = thresholdSection(model.thresholds(), openWhatIf);
        // presenter mode makes room for the audience's figures: the thresholds wait until it ends
        thresholds.visibleProperty().bind(model.main().presenterModeProperty().not());
        thresholds.managedProperty().bind(thresholds.visibleProperty());
        box = new VBox(
                14,
                rateSection(model.controls(), model.backpressure()),
                runSection(model),
                scenarioSection(model.controls()),
                thresholds);
        box.getStyleClass().add("controls-pane");
        box.setId("controls");
    }

    Node node() {
        return box;
    }

    private Node rateSection(ControlsModel controls, BackpressureModel backpressure) {
        Slider slider = new Slider(0, 1, controls.sliderPositionProperty().get());
        slider.setId("rate-slider");
        slider.setBlockIncrement(0.02);
        slider.valueProperty().bindBidirectional(controls.sliderPositionProperty());
        HBox.setHgrow(slider, Priority.ALWAYS);

        TextField field = new TextField();
        field.setId("rate-field");
        field.setPrefColumnCount(6); // the stylesheet gives it room for "50,000"
        field.textProperty().bindBidirectional(controls.rateTextProperty());
        field.setOnAction(e -> controls.applyRateText());
        field.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                controls.applyRateText();
            }
        });
        // the sustainable rate, marked on the slider's track while the consumers cannot keep up
        Region mark = Styles.styled(new Region(), "sustainable-mark");
        mark.setId("sustainable-mark");
        mark.setManaged(false);
        mark.visibleProperty().bind(backpressure.overloadedProperty());
        Runnable placeMark = () -> {
            double rate = backpressure.sustainableRateProperty().get();
            double inset = 8; // the thumb's half width: the track starts and ends there
            double x = inset + (slider.getWidth() - 2 * inset) * (Double.isNaN(rate) ? 0 : RateScale.positionOf(rate));
            mark.resizeRelocate(x - 1.5, 0, 3, slider.getHeight());
        };
        backpressure.sustainableRateProperty().addListener((obs, old, r) -> placeMark.run());
        slider.widthProperty().addListener((obs, old, w) -> placeMark.run());
        slider.heightProperty().addListener((obs, old, h) -> placeMark.run());
        StackPane sliderWithMark = new StackPane(slider, mark);
        HBox.setHgrow(sliderWithMark, Priority.ALWAYS);
        HBox rateRow = new HBox(8, sliderWithMark, field, Styles.label("/s", "muted"));
        rateRow.setAlignment(Pos.CENTER_LEFT);

        Label scale = Styles.label("1 ─ 50,000 events/s, logarithmic", "muted", "small");
        scale.setWrapText(true);
        Label target = Styles.label("", "target-rate");
        target.setId("target-rate");
        target.textProperty().bind(controls.targetRateTextProperty());
        Label achieved = Styles.label("", "achieved-rate");
        achieved.setId("achieved-rate");
        achieved.textProperty().bind(controls.achievedRateTextProperty());
        Label error = Styles.label("", "error-text");
        error.setId("rate-error");
        error.textProperty().bind(controls.rateErrorProperty());
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        error.setWrapText(true);
        Label sustainable = Styles.label("", "backpressure-text");
        sustainable.setId("backpressure-text");
        sustainable.setWrapText(true);
        sustainable
                .textProperty()
                .bind(backpressure
                        .sustainableRateProperty()
                        .map(r -> Double.isNaN(r.doubleValue())
                                ? ""
                                : "Consumers keep up with ≈ " + Formats.rate(r.doubleValue())
                                        + "/s (marked on the slider)"));
        sustainable.visibleProperty().bind(backpressure.overloadedProperty());
        sustainable.managedProperty().bind(sustainable.visibleProperty());
        CheckBox hold = new CheckBox("Keep lag under a second");
        hold.setId("backpressure-hold");
        hold.setWrapText(true);
        hold.selectedProperty().bindBidirectional(backpressure.holdingProperty());
        hold.setTooltip(new Tooltip("On: when the consumers fall behind, the producer slows to what they process, "
                + "so lag stays under a second and alerts stay live. Off: the producer sends at the slider's rate."));
        return section("Event rate", rateRow, scale, new VBox(2, target, achieved), sustainable, hold, error);
    }

    private Node runSection(ConsoleModel model) {
        Button pause = Styles.styled(new Button(), "accent");
        pause.setId("pause-button");
        pause.textProperty().bind(model.controls().pauseLabelProperty());
        pause.setOnAction(e -> model.controls().togglePause());
        pause.setTooltip(new Tooltip("Stop or restart the producer (" + keys.keysOf(Shortcuts.Command.PAUSE) + ")"));
        Button reset = new Button("Reset");
        reset.setId("reset-button");
        reset.setOnAction(e -> model.reset());
        reset.setTooltip(new Tooltip(
                "Clear counters, charts, alerts and the scoreboard (" + keys.keysOf(Shortcuts.Command.RESET) + ")"));
        HBox row = new HBox(8, pause, reset);
        pause.setMaxWidth(Double.MAX_VALUE);
        reset.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(pause, Priority.ALWAYS);
        HBox.setHgrow(reset, Priority.ALWAYS);
        return row;
    }

    private Node scenarioSection(ControlsModel controls) {
        VBox buttons = new VBox(6);
        for (Scenario s : Scenario.values()) {
            Button b = Styles.styled(new Button(s.displayName()), "scenario-button");
            b.setId("inject-" + s.name());
            b.setMaxWidth(Double.MAX_VALUE);
            b.setTooltip(new Tooltip(s.description() + "\nCaught by " + s.expectedRule()));
            b.disableProperty().bind(controls.engineRunningProperty().not());
            b.setOnAction(e -> controls.inject(s));
            buttons.getChildren().add(b);
        }
        Label last = Styles.label("", "muted", "small");
        last.setId("last-action");
        last.setWrapText(true);
        last.textProperty().bind(controls.lastActionProperty());
        return section("Inject an attack", buttons, last);
    }

    private Node thresholdSection(ThresholdsModel t, Runnable openWhatIf) {
        GridPane grid = new ThresholdGrid(t.form(), "").node();
        Label error = Styles.label("", "error-text");
        error.setId("threshold-error");
        error.setWrapText(true);
        error.textProperty().bind(t.errorProperty());
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        Button whatIf = new Button("What if…");
        whatIf.setId("what-if-open");
        whatIf.setTooltip(new Tooltip("Replay the recent stream through other thresholds before applying them"));
        whatIf.setOnAction(e -> openWhatIf.run());
        return section("Fraud thresholds (live)", grid, error, whatIf);
    }

    private static Node section(String title, Node... content) {
        VBox section = new VBox(8);
        section.getStyleClass().add("control-section");
        section.getChildren().add(Styles.label(title, "section-title"));
        section.getChildren().addAll(content);
        return section;
    }
}
