package com.activitytracker.app.view;

import com.activitytracker.app.model.AlertFeedModel;
import com.activitytracker.app.model.Formats;
import com.activitytracker.app.model.ScoreboardModel;
import com.activitytracker.app.model.ScoreboardRow;
import com.activitytracker.app.model.SeverityFilter;
import com.activitytracker.engine.fraud.FraudAlert;
import com.activitytracker.engine.fraud.Severity;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The right column: the alert feed with its severity filter and details, and the detection scoreboard. */
final class AlertsPane {
    private final VBox box;

    AlertsPane(AlertFeedModel alerts, ScoreboardModel scoreboard) {
        Label summary = Styles.label("", "muted");
        summary.setId("alert-summary");
        summary.textProperty().bind(alerts.summaryProperty());
        TableView<FraudAlert> table = alertTable(alerts);
        TextArea details = Styles.styled(new TextArea(), "alert-details");
        details.setId("alert-details");
        details.setEditable(false);
        details.setWrapText(true);
        details.setPrefRowCount(7);
        details.textProperty().bind(alerts.detailsProperty());

        Label scoreSummary = Styles.label("", "muted");
        scoreSummary.setId("scoreboard-summary");
        scoreSummary.setWrapText(true);
        scoreSummary.textProperty().bind(scoreboard.summaryProperty());
        TableView<ScoreboardRow> scores = scoreboardTable(scoreboard);

        VBox.setVgrow(table, Priority.ALWAYS);
        box = new VBox(8, Styles.label("Fraud alerts", "section-title"), filter(alerts), table, summary, details,
                Styles.label("Detection scoreboard", "section-title"), scoreSummary, scores);
        box.getStyleClass().add("alerts-pane");
        box.setId("alerts-pane");
    }

    Node node() {
        return box;
    }

    private static Node filter(AlertFeedModel alerts) {
        ToggleGroup group = new ToggleGroup();
        HBox row = new HBox(4);
        row.getStyleClass().add("severity-filter");
        for (SeverityFilter f : SeverityFilter.values()) {
            ToggleButton b = new ToggleButton(f.displayName());
            b.setId("filter-" + f.name());
            b.setUserData(f);
            b.setToggleGroup(group);
            b.setSelected(alerts.filterProperty().get() == f);
            row.getChildren().add(b);
        }
        group.selectedToggleProperty().addListener((obs, old, toggle) -> {
            if (toggle == null) {
                group.selectToggle(old); // one filter is always chosen
            } else {
                alerts.filterProperty().set((SeverityFilter) toggle.getUserData());
            }
        });
        alerts.filterProperty().addListener((obs, old, f) -> group.getToggles().stream()
                .filter(t -> t.getUserData() == f).findFirst().ifPresent(group::selectToggle));
        return row;
    }

    private static TableView<FraudAlert> alertTable(AlertFeedModel alerts) {
        TableView<FraudAlert> table = new TableView<>(alerts.visibleAlerts());
        table.setId("alert-table");
        table.setPlaceholder(Styles.label("No alerts yet: inject an attack", "muted"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Time", 70, a -> Formats.time(a.detectedAt(), alerts.zone())));
        TableColumn<FraudAlert, String> severity = column("Severity", 80, a -> a.severity().name());
        severity.setCellFactory(c -> new SeverityCell());
        table.getColumns().add(severity);
        table.getColumns().add(column("Rule", 130, FraudAlert::rule));
        table.getColumns().add(column("User", 80, FraudAlert::userId));
        table.getColumns().add(column("Description", 220, FraudAlert::description));
        table.setRowFactory(t -> new SeverityRow());
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, a) -> alerts.selectedProperty().set(a));
        alerts.selectedProperty().addListener((obs, old, a) -> {
            if (a == null) {
                table.getSelectionModel().clearSelection();
            }
        });
        return table;
    }

    private static TableView<ScoreboardRow> scoreboardTable(ScoreboardModel scoreboard) {
        TableView<ScoreboardRow> table = new TableView<>(scoreboard.rows());
        table.setId("scoreboard-table");
        table.setPrefHeight(170);
        table.setPlaceholder(Styles.label("No attacks injected yet", "muted"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Scenario", 120, ScoreboardRow::scenario));
        table.getColumns().add(column("Injected", 70, ScoreboardRow::injectedAt));
        TableColumn<ScoreboardRow, String> result = column("Result", 80, ScoreboardRow::result);
        result.setCellFactory(c -> new ResultCell());
        table.getColumns().add(result);
        table.getColumns().add(column("Time to catch", 90, ScoreboardRow::timeToCatch));
        table.getColumns().add(column("Detection", 80, ScoreboardRow::detectionLatency));
        return table;
    }

    private static <T> TableColumn<T, String> column(String title, double width, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())).getReadOnlyProperty());
        c.setSortable(false);
        return c;
    }

    /** A row carries its alert's severity as a style class, for a coloured edge. */
    private static final class SeverityRow extends TableRow<FraudAlert> {
        private String current;

        @Override
        protected void updateItem(FraudAlert alert, boolean empty) {
            super.updateItem(alert, empty);
            String next = empty || alert == null ? null : AlertFeedModel.styleClass(alert.severity());
            Styles.swap(this, current, next);
            current = next;
        }
    }

    /** The severity as a coloured badge. */
    private static final class SeverityCell extends TableCell<FraudAlert, String> {
        private final Label badge = Styles.label("", "severity-badge");
        private String current;

        @Override
        protected void updateItem(String severity, boolean empty) {
            super.updateItem(severity, empty);
            setText(null);
            if (empty || severity == null) {
                setGraphic(null);
                return;
            }
            String next = AlertFeedModel.styleClass(Severity.valueOf(severity));
            Styles.swap(badge, current, next);
            current = next;
            badge.setText(severity);
            setGraphic(badge);
        }
    }

    /** Caught in the success colour, waiting in the warning colour. */
    private static final class ResultCell extends TableCell<ScoreboardRow, String> {
        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            getStyleClass().removeAll("result-caught", "result-waiting");
            if (empty || text == null) {
                setText(null);
                return;
            }
            setText(text);
            ScoreboardRow row = getTableRow() == null ? null : getTableRow().getItem();
            getStyleClass().add(row != null && row.caught() ? "result-caught" : "result-waiting");
        }
    }
}
