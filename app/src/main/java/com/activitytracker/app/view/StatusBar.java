package com.activitytracker.app.view;

import com.activitytracker.app.model.MainModel;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Bottom line: engine message, the last notice, where snapshots go, the help hint. */
final class StatusBar {
    private final HBox box;

    StatusBar(MainModel main) {
        Label status = Styles.label("", "status-text");
        status.setId("status-text");
        status.textProperty().bind(main.statusTextProperty());
        // the same colour as the header chip, so the state reads the same at both ends of the window
        Styles.swap(status, null, main.consoleStateProperty().get().styleClass());
        main.consoleStateProperty().addListener((obs, old, s) -> Styles.swap(status, old.styleClass(), s.styleClass()));
        Label notice = Styles.label("", "notice");
        notice.setId("notice");
        notice.textProperty().bind(main.noticeProperty());
        Label folder = Styles.label("Snapshots: " + main.snapshotFolder(), "muted");
        folder.setId("snapshot-folder");
        Label hint = Styles.label("F1: keyboard shortcuts", "muted");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        box = new HBox(16, status, notice, spacer, folder, hint);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("status-bar");
    }

    Node node() {
        return box;
    }
}
