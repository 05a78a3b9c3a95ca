package com.activitytracker.app.view;

import com.activitytracker.app.model.ConsoleState;
import com.activitytracker.app.model.MainModel;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Title, the cluster in use, the engine state pill and the presenter's buttons. */
final class HeaderBar {
    private final HBox box;

    HeaderBar(MainModel main, ViewActions actions, Shortcuts shortcuts) {
        Label title = Styles.label("Activity Tracker", "app-title");
        Label subtitle = Styles.label("Real-time user activity and fraud detection on Apache Kafka", "app-subtitle");
        Label state = Styles.label("", "status-pill");
        state.setId("engine-state");
        showState(state, null, main.consoleStateProperty().get());
        main.consoleStateProperty().addListener((obs, old, s) -> showState(state, old, s));
        Label cluster = Styles.label("", "cluster-text");
        cluster.textProperty().bind(main.clusterTextProperty());
        // in presenter mode the big fonts need the room, and on a tight window the buttons do: the small
        // print goes (Settings… still names the cluster)
        box = new HBox(12);
        ObservableBooleanValue roomy =
                ThemeStyler.whileWindow(box, scene -> !ThemeStyler.isTight(scene.getWidth()), true);
        BooleanBinding smallPrint = main.presenterModeProperty().not().and(roomy);
        subtitle.visibleProperty().bind(smallPrint);
        subtitle.managedProperty().bind(subtitle.visibleProperty());
        cluster.visibleProperty().bind(smallPrint);
        cluster.managedProperty().bind(cluster.visibleProperty());
        title.setMinWidth(Region.USE_PREF_SIZE);
        // on a narrow screen the subtitle and the cluster's address wrap onto more lines, so the
        // presenter's buttons keep their room
        subtitle.setWrapText(true);
        subtitle.setMinWidth(200);
        cluster.setWrapText(true);
        cluster.setMinWidth(150);
        state.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        box.getChildren()
                .setAll(new VBox(2, title, subtitle), spacer, cluster, state, toolbar(main, actions, shortcuts));
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("header-bar");
    }

    Node node() {
        return box;
    }

    private static Node toolbar(MainModel main, ViewActions actions, Shortcuts keys) {
        Button settings = button(
                "settings-button",
                "Settings…",
                "Bootstrap servers, topic, client properties (" + keys.keysOf(Shortcuts.Command.SETTINGS) + ")",
                actions.openSettings());
        Button kafka = button(
                "kafka-view-button",
                "Kafka view",
                "Kafka view: live records, consumer lag, dead letters (" + keys.keysOf(Shortcuts.Command.KAFKA_VIEW)
                        + ")",
                actions.openKafkaView());
        Button snapshot = button(
                "snapshot-button",
                "Save snapshot",
                "Dashboard PNG + analytics JSON into " + main.snapshotFolder() + " ("
                        + keys.keysOf(Shortcuts.Command.SNAPSHOT) + ")",
                main::saveSnapshot);
        snapshot.disableProperty().bind(main.savingProperty());
        Button theme = button(
                "theme-button",
                "Theme",
                "Dark or light (" + keys.keysOf(Shortcuts.Command.THEME) + ")",
                main::toggleTheme);
        Button presenter = button(
                "presenter-button",
                "Presenter",
                "Large fonts for a projector (" + keys.keysOf(Shortcuts.Command.PRESENTER) + ")",
                main::togglePresenterMode);
        Button fullScreen = button(
                "fullscreen-button", "Full screen", keys.keysOf(Shortcuts.Command.FULL_SCREEN), main::toggleFullScreen);
        Button help = button(
                "help-button",
                "?",
                "Keyboard shortcuts (" + keys.keysOf(Shortcuts.Command.HELP) + ")",
                main::toggleHelp);
        HBox bar = new HBox(6, settings, kafka, snapshot, theme, presenter, fullScreen, help);
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.getStyleClass().add("toolbar-buttons");
        return bar;
    }

    private static Button button(String id, String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    private static void showState(Label pill, ConsoleState old, ConsoleState now) {
        pill.setText(now.label());
        Styles.swap(pill, old == null ? null : old.styleClass(), now.styleClass());
    }
}
