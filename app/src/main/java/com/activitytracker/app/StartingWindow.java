package com.activitytracker.app;

import com.activitytracker.app.model.Theme;
import com.activitytracker.app.view.ThemeStyler;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The window as it first appears, before the console's views and its engine exist: the title and a
 * line saying it is starting, placed and sized as the console will be. The JavaFX toolkit is up by
 * then, so the presenter sees the app within a moment of the launch rather than after the views are
 * built; {@link TrackerConsole#start} replaces the scene.
 */
final class StartingWindow {
    private StartingWindow() {}

    static void show(Stage stage) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        WindowPlacement place =
                WindowPlacement.on(screen.getMinX(), screen.getMinY(), screen.getWidth(), screen.getHeight());
        Label title = new Label("Activity Tracker");
        title.getStyleClass().add("app-title");
        // what the splash said, until the console's own header and status bar take over
        Label doing = new Label("Starting Kafka and the console…");
        doing.getStyleClass().add("app-subtitle");
        VBox text = new VBox(6, title, doing);
        text.setAlignment(Pos.CENTER);
        StackPane root = new StackPane(text);
        Scene scene = new Scene(root, place.width(), place.height());
        scene.getStylesheets().setAll(ThemeStyler.stylesheets(Theme.DARK));
        stage.setTitle("Activity Tracker: live on Apache Kafka");
        stage.setScene(scene);
        stage.setX(place.x());
        stage.setY(place.y());
        stage.setMaximized(place.maximised());
        stage.show();
        // the JVM's splash (if the launch showed one) has done its job once this window is up
        StartupSplash.close();
    }
}
