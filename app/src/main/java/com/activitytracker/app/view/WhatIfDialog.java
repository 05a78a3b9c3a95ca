package com.activitytracker.app.view;

import com.activitytracker.app.model.Formats;
import com.activitytracker.app.model.WhatIfModel;
import com.activitytracker.app.model.WhatIfRow;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * "What if…": candidate thresholds on the left, the replay of the recent stream through them beside
 * the live ones on the right (a row and two bars per rule, then what a risk team asks: attacks caught,
 * ordinary users flagged, who changes), and "Apply these thresholds" once a comparison is shown.
 */
public final class WhatIfDialog {
    public static final ButtonType APPLY = new ButtonType("Apply these thresholds", ButtonBar.ButtonData.OK_DONE);
    private static final double BAR_WIDTH = 140;

    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final WhatIfModel model;
    private final GridPane table = new GridPane();

    public WhatIfDialog(WhatIfModel model, Window owner) {
        this.model = model;
        dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle("What if…");
        dialog.setHeaderText("Replay the recent stream through candidate thresholds before applying them");
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        dialog.getDialogPane().getStyleClass().add("what-if-dialog");
        dialog.getDialogPane().setId("what-if-dialog");

        Button run = Styles.styled(new Button("Run what if"), "accent");
        run.setId("what-if-run");
        run.setDefaultButton(true);
        run.setMinWidth(Region.USE_PREF_SIZE);
        run.disableProperty().bind(model.runningProperty());
        run.setOnAction(e -> model.run());
        Button cancel = new Button("Stop");
        cancel.setId("what-if-stop");
        cancel.visibleProperty().bind(model.runningProperty());
        cancel.setOnAction(e -> model.cancel());
        ProgressBar progress = new ProgressBar();
        progress.setId("what-if-progress");
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.runningProperty());
        progress.setPrefWidth(160);

        Label status = Styles.label("", "muted", "small");
        status.setId("what-if-status");
        status.textProperty().bind(model.statusProperty());
        Label error = Styles.label("", "error-text");
        error.setId("what-if-error");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        VBox findings = new VBox(4);
        findings.setId("what-if-findings");
        model.findingsProperty().addListener((ListChangeListener<String>) c -> {
            findings.getChildren()
                    .setAll(model.findingsProperty().stream()
                            .map(line -> {
                                Label l = Styles.label(line, "what-if-finding");
                                l.setWrapText(true);
                                return (Node) l;
                            })
                            .toList());
        });
        table.setId("what-if-table");
        table.getStyleClass().add("what-if-table");
        model.rowsProperty().addListener((ListChangeListener<WhatIfRow>) c -> fillTable());

        VBox left = new VBox(
                10,
                Styles.label("Candidate thresholds", "section-title"),
                new ThresholdGrid(model.candidate(), "what-if-").node(),
                new HBox(
                        8,
                        unshrinkable(Styles.label("Replay the last", "field-label")),
                        spinner(
                                "what-if-span",
                                new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 7 * 24 * 60, 60, 5),
                                model.spanMinutesProperty()),
                        unshrinkable(Styles.label("min", "field-label"))),
                new HBox(8, run, cancel, progress),
                error);
        Label legend =
                Styles.label("Bars: live (upper) and candidate (lower), scaled to the largest rule", "muted", "small");
        legend.visibleProperty().bind(model.hasResultProperty());
        VBox right = new VBox(10, Styles.label("Live vs candidate", "section-title"), table, legend, findings, status);
        right.setMinWidth(440);
        HBox content = new HBox(24, left, right);
        content.setAlignment(Pos.TOP_LEFT);
        dialog.getDialogPane().setContent(content);

        dialog.getDialogPane().getButtonTypes().addAll(APPLY, ButtonType.CLOSE);
        Button apply = (Button) dialog.getDialogPane().lookupButton(APPLY);
        apply.setId("what-if-apply");
        apply.disableProperty().bind(model.hasResultProperty().not());
        apply.addEventFilter(ActionEvent.ACTION, e -> model.applyCandidate());
        ((Button) dialog.getDialogPane().lookupButton(ButtonType.CLOSE)).setId("what-if-close");
        dialog.setOnHidden(e -> model.cancel());
    }

    private static Label unshrinkable(Label label) {
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    public void show() {
        model.open();
        dialog.show();
    }

    public void close() {
        dialog.close();
    }

    /** The dialog's own scene (shown), for a screenshot. */
    public Scene scene() {
        return dialog.getDialogPane().getScene();
    }

    private void fillTable() {
        table.getChildren().clear();
        table.addRow(
                0,
                Styles.label("", "field-label"),
                unshrinkable(Styles.label("live", "what-if-head")),
                unshrinkable(Styles.label("candidate", "what-if-head")),
                unshrinkable(Styles.label("change", "what-if-head")),
                new Region());
        int row = 1;
        for (WhatIfRow r : model.rowsProperty()) {
            Label change = Styles.label(r.change(), "what-if-change");
            if (r.candidate() != r.live()) {
                change.getStyleClass().add(r.candidate() > r.live() ? "what-if-more" : "what-if-fewer");
            }
            table.addRow(
                    row++,
                    unshrinkable(Styles.label(r.label(), "what-if-rule")),
                    unshrinkable(Styles.label(Formats.count(r.live()), "what-if-figure")),
                    unshrinkable(Styles.label(Formats.count(r.candidate()), "what-if-figure")),
                    change,
                    r.total() ? new Region() : bars(r));
        }
        // the dialog was sized for an empty table when it opened: it grows to show the rule names whole
        // ("HIGH_VALUE_PURCHASE" read "HIGH_VALUE_PURC…")
        Scene scene = dialog.getDialogPane().getScene();
        if (scene != null && scene.getWindow() != null && scene.getWindow().isShowing()) {
            double before = scene.getWindow().getWidth();
            scene.getWindow().sizeToScene();
            scene.getWindow().setWidth(Math.max(before, scene.getWindow().getWidth()));
        }
    }

    private static Node bars(WhatIfRow r) {
        Region live = Styles.styled(new Region(), "what-if-bar-live");
        live.setPrefSize(Math.max(2, r.liveBar() * BAR_WIDTH), 6);
        live.setMaxWidth(Region.USE_PREF_SIZE);
        Region candidate = Styles.styled(new Region(), "what-if-bar-candidate");
        candidate.setPrefSize(Math.max(2, r.candidateBar() * BAR_WIDTH), 6);
        candidate.setMaxWidth(Region.USE_PREF_SIZE);
        VBox bars = new VBox(2, live, candidate);
        bars.setAlignment(Pos.CENTER_LEFT);
        bars.setPrefWidth(BAR_WIDTH);
        return bars;
    }

    private static <T> Spinner<T> spinner(String id, SpinnerValueFactory<T> factory, ObjectProperty<T> value) {
        factory.valueProperty().bindBidirectional(value);
        Spinner<T> spinner = new Spinner<>(factory);
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.setPrefWidth(110);
        return spinner;
    }
}
