package com.activitytracker.app.view;

import com.activitytracker.app.model.AlertFeedModel;
import com.activitytracker.app.model.Formats;
import com.activitytracker.app.model.ScoreboardModel;
import com.activitytracker.app.model.ScoreboardRow;
import com.activitytracker.app.model.SeverityFilter;
import com.activitytracker.engine.fraud.FraudAlert;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The right column: the alert feed with its severity filter and details, and the detection scoreboard. */
final class AlertsPane {
    private final VBox box;

    AlertsPane(AlertFeedModel alerts, ScoreboardModel scoreboard) {
        Label summary = Styles.label("", "muted");
        summary.setId("alert-summary");
        summary.textProperty().bind(alerts.summaryProperty());
        ListView<FraudAlert> feed = alertList(alerts);
        TextArea details = Styles.styled(new TextArea(), "alert-details");
        details.setId("alert-details");
        details.setEditable(false);
        details.setWrapText(true);
        details.setPrefRowCount(6);
        details.setMinHeight(60);
        details.textProperty().bind(alerts.detailsProperty());

        Label scoreSummary = Styles.label("", "muted");
        scoreSummary.setId("scoreboard-summary");
        scoreSummary.setWrapText(true);
        scoreSummary.setMinHeight(Region.USE_PREF_SIZE); // whole, on two lines if need be: the table gives way
        scoreSummary.textProperty().bind(scoreboard.summaryProperty());
        TableView<ScoreboardRow> scores = scoreboardTable(scoreboard);

        VBox.setVgrow(feed, Priority.ALWAYS);
        box = new VBox(
                8,
                Styles.label("Fraud alerts", "section-title"),
                filter(alerts),
                feed,
                summary,
                details,
                Styles.label("Detection scoreboard", "section-title"),
                scoreSummary,
                scores);
        box.getStyleClass().add("alerts-pane");
        box.setMinHeight(0); // shrink rather than push the status bar off the window
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
        alerts.filterProperty()
                .addListener((obs, old, f) -> group.getToggles().stream()
                        .filter(t -> t.getUserData() == f)
                        .findFirst()
                        .ifPresent(group::selectToggle));
        return row;
    }

    private static ListView<FraudAlert> alertList(AlertFeedModel alerts) {
        ListView<FraudAlert> list = new ListView<>(alerts.visibleAlerts());
        list.setId("alert-list");
        list.getStyleClass().add("alert-list");
        list.setPlaceholder(Styles.label("No alerts yet: inject an attack", "muted"));
        list.setCellFactory(l -> new AlertCell(alerts));
        list.getSelectionModel()
                .selectedItemProperty()
                .addListener((obs, old, a) -> alerts.selectedProperty().set(a));
        alerts.selectedProperty().addListener((obs, old, a) -> {
            if (a == null) {
                list.getSelectionModel().clearSelection();
            }
        });
        return list;
    }

    private static TableView<ScoreboardRow> scoreboardTable(ScoreboardModel scoreboard) {
        TableView<ScoreboardRow> table = new TableView<>(scoreboard.rows());
        table.setId("scoreboard-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPrefHeight(170);
        table.setMinHeight(90);
        table.setPlaceholder(Styles.label("No attacks injected yet", "muted"));
        // four columns, so each heading and figure fits a narrow window; when each attack was injected
        // is in the alert feed's times
        // widths in the proportions the columns need at their narrowest (a 1024-wide window), since the
        // resize policy shares the table's width out by them
        table.getColumns().add(column("Attack", 150, ScoreboardRow::scenario));
        TableColumn<ScoreboardRow, String> result = column("Result", 80, ScoreboardRow::result);
        result.setCellFactory(c -> new ResultCell());
        table.getColumns().add(result);
        table.getColumns().add(column("Caught in", 92, ScoreboardRow::timeToCatch));
        table.getColumns().add(column("Detector", 85, ScoreboardRow::detectionLatency));
        table.getStyleClass().add("scoreboard");
        return table;
    }

    private static <T> TableColumn<T, String> column(String title, double width, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())).getReadOnlyProperty());
        c.setSortable(false);
        return c;
    }

    /**
     * One alert: severity badge, rule and time on the first line; the user and the description below,
     * wrapped rather than cut, so rule names and user ids always read in full. The cell carries the
     * severity as a style class for a coloured edge.
     */
    private static final class AlertCell extends ListCell<FraudAlert> {
        /** The cell's padding, its coloured edge and the list's scroll bar. */
        private static final double CELL_CHROME = 40;

        private final AlertFeedModel alerts;
        private final Label badge = Styles.label("", "severity-badge");
        private final Label rule = Styles.label("", "alert-rule");
        private final Label time = Styles.label("", "muted");
        private final Label description = Styles.label("", "alert-description");
        private final VBox content;
        private String current;

        AlertCell(AlertFeedModel alerts) {
            this.alerts = alerts;
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox top = new HBox(8, badge, rule, spacer, time);
            top.setAlignment(Pos.CENTER_LEFT);
            content = new VBox(2, top, description);
            getStyleClass().add("alert-cell");
            setPrefWidth(0); // fit the list's width instead of scrolling sideways
            badge.setMinWidth(Region.USE_PREF_SIZE);
            rule.setMinWidth(Region.USE_PREF_SIZE);
            time.setMinWidth(Region.USE_PREF_SIZE);
            description.setWrapText(true);
            description.setMinHeight(Region.USE_PREF_SIZE);
            listViewProperty().addListener((obs, old, list) -> {
                description.maxWidthProperty().unbind();
                if (list != null) {
                    description.maxWidthProperty().bind(list.widthProperty().subtract(CELL_CHROME));
                }
            });
        }

        @Override
        protected void updateItem(FraudAlert alert, boolean empty) {
            super.updateItem(alert, empty);
            String next = empty || alert == null ? null : AlertFeedModel.styleClass(alert.severity());
            Styles.swap(this, current, next);
            Styles.swap(badge, current, next);
            current = next;
            setText(null);
            if (empty || alert == null) {
                setGraphic(null);
                return;
            }
            badge.setText(alert.severity().name());
            rule.setText(alert.rule());
            time.setText(Formats.time(alert.detectedAt(), alerts.zone()));
            description.setText(alert.userId() + " · " + alert.description());
            setGraphic(content);
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
