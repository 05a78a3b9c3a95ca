package com.activitytracker.app.view;

import com.activitytracker.app.model.TileModel;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
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
        // its figures grow through a long demo: on a narrow tile the caption takes a second line rather than
        // losing its end
        caption.setWrapText(true);
        caption.setMinHeight(Region.USE_PREF_SIZE);
        // on a short window the charts need the line more; the alerts tile keeps its severity counts, and the
        // caption is still there when the pointer rests on the tile
        ThemeStyler.leaveOutWhenShort(caption);
        Tooltip leftOut = new Tooltip();
        leftOut.textProperty().bind(caption.textProperty());
        caption.visibleProperty().addListener((obs, was, shown) -> showAsTooltip(leftOut, !shown));
        box = new VBox(2, Styles.label(tile.title(), "tile-title"), value, caption);
        box.getChildren().addAll(extra);
        box.getStyleClass().add("tile");
        box.setId("tile-" + tile.id());
    }

    private void showAsTooltip(Tooltip tooltip, boolean on) {
        if (on) {
            Tooltip.install(box, tooltip);
        } else {
            Tooltip.uninstall(box, tooltip);
        }
    }

    Region node() {
        return box;
    }
}
