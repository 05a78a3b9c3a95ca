package com.activitytracker.app.view;

import com.activitytracker.app.model.ConsoleModel;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The console window's content: header with the status banner on top, controls on the left, the live
 * figures and charts in the middle, the alert feed and the scoreboard on the right, a status bar at
 * the bottom, and the shortcut help over everything when asked for.
 */
public final class ConsoleView {
    private final StackPane root;

    public ConsoleView(ConsoleModel model, ViewActions actions, Shortcuts shortcuts) {
        BorderPane frame = new BorderPane();
        frame.getStyleClass().add("console-frame");
        frame.setTop(new VBox(
                new HeaderBar(model.main(), actions, shortcuts).node(), new StatusBanner(model.main()).node()));
        ScrollPane controls = new ScrollPane(new ControlsPane(model, shortcuts, actions.openWhatIf()).node());
        controls.setFitToWidth(true);
        controls.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        controls.getStyleClass().add("controls-scroll");
        frame.setLeft(controls);
        frame.setCenter(new DashboardPane(model.dashboard()).node());
        frame.setRight(new AlertsPane(model.alerts(), model.scoreboard()).node());
        frame.setBottom(new StatusBar(model.main()).node());
        root = new StackPane(frame, new HelpOverlay(model.main(), shortcuts.help()).node());
        root.getStyleClass().add("console");
        root.setId("console-root");
    }

    public Parent root() {
        return root;
    }
}
