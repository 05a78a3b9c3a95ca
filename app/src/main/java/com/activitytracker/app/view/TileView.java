package com.activitytracker.app.view;

import com.activitytracker.app.model.TileModel;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** One headline tile: title, big value, caption. */
final class TileView {
    private final VBox box;

    TileView(TileModel tile, Node... extra) {
        Label value = Styles.label("", "tile-value");
        value.setId("tile-" + tile.id() + "-value");
        value.textProperty().bind(tile.valueProperty());
        Label caption = Styles.label("", "tile-caption");
        caption.textProperty().bind(tile.captionProperty());
        box = new VBox(2, Styles.label(tile.title(), "tile-title"), value, caption);
        box.getChildren().addAll(extra);
        box.getStyleClass().add("tile");
        box.setId("tile-" + tile.id());
    }

    Node node() {
        return box;
    }
}
