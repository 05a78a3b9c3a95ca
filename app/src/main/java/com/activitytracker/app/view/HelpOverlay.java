package com.activitytracker.app.view;

import com.activitytracker.app.model.MainModel;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The keyboard shortcuts and what each panel shows, over a dimmed dashboard; F1, Esc or a click closes it. */
final class HelpOverlay {
    private final StackPane overlay = new StackPane();

    private static Label logs(MainModel main) {
        Label logs = Styles.label("", "muted");
        logs.setId("help-log-file");
        logs.setWrapText(true);
        logs.setMaxWidth(720);
        logs.textProperty().bind(main.logFileProperty().map(f -> f.isEmpty() ? "" : "Logs (JSON lines): " + f));
        return logs;
    }

    HelpOverlay(MainModel main, List<Shortcuts.Help> shortcuts) {
        GridPane keys = new GridPane();
        keys.getStyleClass().add("help-grid");
        for (int i = 0; i < shortcuts.size(); i++) {
            keys.add(Styles.label(shortcuts.get(i).keys(), "help-key"), 0, i);
            keys.add(Styles.label(shortcuts.get(i).description(), "help-description"), 1, i);
        }
        GridPane panels = new GridPane();
        panels.getStyleClass().add("help-grid");
        String[][] screen = {
            {
                "Header",
                "engine state, the cluster in use (not in presenter mode or on a narrow window: Settings… "
                        + "names it); Kafka settings, the Kafka view (records, consumer lag, dead letters), "
                        + "snapshot, theme, presenter, full screen"
            },
            {"Left", "event rate (log slider and exact number), pause, reset, attack scenarios, fraud thresholds"},
            {
                "Middle",
                "headline figures, throughput (target vs produced, analysed, fraud-checked), revenue, "
                        + "event mix, conversion funnel"
            },
            {
                "Right",
                "fraud alerts, newest first (filter by severity, select one for its evidence); "
                        + "the detection scoreboard: every injected attack, caught or not, and how fast"
            },
        };
        for (int i = 0; i < screen.length; i++) {
            panels.add(Styles.label(screen[i][0], "help-key"), 0, i);
            Label text = Styles.label(screen[i][1], "help-description");
            text.setWrapText(true);
            text.setMaxWidth(560);
            text.setMinHeight(Region.USE_PREF_SIZE); // all its lines, never "…"
            panels.add(text, 1, i);
        }
        VBox card = new VBox(
                12,
                Styles.label("Keyboard shortcuts", "help-title"),
                keys,
                Styles.label("The screen", "help-title"),
                panels,
                logs(main),
                Styles.label("Press F1 or Esc to close", "muted"));
        card.getStyleClass().add("help-card");
        card.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        overlay.getChildren().add(card);
        StackPane.setAlignment(card, Pos.CENTER);
        overlay.getStyleClass().add("help-overlay");
        overlay.setId("help-overlay");
        overlay.visibleProperty().bind(main.helpVisibleProperty());
        overlay.setOnMouseClicked(e -> main.hideHelp());
    }

    Node node() {
        return overlay;
    }
}
