package com.activitytracker.app.view;

import com.activitytracker.app.model.MainModel;
import com.activitytracker.engine.EngineStatus.State;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Title, engine state pill and the cluster in use. */
final class HeaderBar {
    private final HBox box;

    HeaderBar(MainModel main) {
        Label title = Styles.label("Activity Tracker", "app-title");
        Label subtitle = Styles.label("Real-time user activity and fraud detection on Apache Kafka", "app-subtitle");
        Label state = Styles.label("", "status-pill");
        state.setId("engine-state");
        showState(state, null, main.engineStateProperty().get());
        main.engineStateProperty().addListener((obs, old, s) -> showState(state, old, s));
        Label cluster = Styles.label("", "cluster-text");
        cluster.textProperty().bind(main.clusterTextProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        box = new HBox(12, new VBox(2, title, subtitle), spacer, cluster, state);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("header-bar");
    }

    Node node() {
        return box;
    }

    private static void showState(Label pill, State old, State now) {
        pill.setText(label(now));
        Styles.swap(pill, old == null ? null : styleClass(old), styleClass(now));
    }

    private static String styleClass(State s) {
        return "state-" + s.name().toLowerCase(Locale.ROOT);
    }

    private static String label(State s) {
        return switch (s) {
            case NEW -> "Not started";
            case STARTING -> "Starting";
            case RUNNING -> "Streaming";
            case DISCONNECTED -> "Disconnected";
            case STOPPING -> "Stopping";
            case STOPPED -> "Stopped";
            case FAILED -> "Failed";
        };
    }
}
