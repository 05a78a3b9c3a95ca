package com.activitytracker.app.view;

import com.activitytracker.app.model.DashboardModel;
import com.activitytracker.app.model.FunnelStepModel;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The conversion funnel as horizontal bars: users per step and the share that went on from the step before. */
final class FunnelView {
    private final VBox box;

    FunnelView(DashboardModel dashboard) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("funnel-grid");
        int row = 0;
        for (FunnelStepModel step : dashboard.funnel()) {
            Region track = Styles.styled(new Region(), "funnel-track");
            Region fill = Styles.styled(new Region(), "funnel-fill", "funnel-step-" + row);
            fill.maxWidthProperty().bind(track.widthProperty().multiply(step.fractionOfFirstProperty()));
            fill.prefWidthProperty().bind(fill.maxWidthProperty());
            StackPane bar = new StackPane(track, fill);
            bar.getStyleClass().add("funnel-bar");
            StackPane.setAlignment(fill, Pos.CENTER_LEFT);
            GridPane.setHgrow(bar, Priority.ALWAYS);
            Label users = Styles.label("", "funnel-users");
            users.setId("funnel-users-" + row);
            users.textProperty().bind(step.usersProperty());
            Label percent = Styles.label("", "funnel-percent");
            percent.setId("funnel-percent-" + row);
            percent.textProperty().bind(step.stepPercentProperty());
            Label name = Styles.label(step.name(), "funnel-name");
            // the labels keep their text; the bar takes what is left
            name.setMinWidth(Region.USE_PREF_SIZE);
            users.setMinWidth(Region.USE_PREF_SIZE);
            percent.setMinWidth(Region.USE_PREF_SIZE);
            grid.addRow(row++, name, bar, users, percent);
        }
        Label summary = Styles.label("", "muted");
        summary.textProperty().bind(dashboard.funnelSummaryProperty());
        // the conversion tile says the same
        ThemeStyler.leaveOutWhenShort(summary);
        box = new VBox(8, grid, summary);
        box.setId("funnel");
    }

    Node node() {
        return box;
    }
}
