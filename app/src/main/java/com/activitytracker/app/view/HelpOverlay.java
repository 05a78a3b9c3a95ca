package com.activitytracker.app.view;

import com.activitytracker.app.model.MainModel;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The keyboard shortcuts over a dimmed dashboard; F1, Esc or a click closes it. */
final class HelpOverlay {
    private final StackPane overlay = new StackPane();

    HelpOverlay(MainModel main, List<Shortcuts.Help> shortcuts) {
        GridPane keys = new GridPane();
        keys.getStyleClass().add("help-grid");
        for (int i = 0; i < shortcuts.size(); i++) {
            keys.add(Styles.label(shortcuts.get(i).keys(), "help-key"), 0, i);
            keys.add(Styles.label(shortcuts.get(i).description(), "help-description"), 1, i);
        }
        VBox card = new VBox(12, Styles.label("Keyboard shortcuts", "help-title"), keys,
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
