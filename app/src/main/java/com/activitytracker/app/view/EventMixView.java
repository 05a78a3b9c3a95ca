package com.activitytracker.app.view;

import com.activitytracker.app.model.CategoryValue;
import com.activitytracker.app.model.DashboardModel;
import com.activitytracker.app.model.EventMixRanking;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The event-type mix as sorted horizontal bars with their figures: largest share on top, each bar
 * scaled to the largest, the exact share written beside it, so 0.1 % reads as well as 90 %.
 */
final class EventMixView {
    private final GridPane grid = new GridPane();
    private final List<Row> rows = new ArrayList<>();
    private final ObservableList<CategoryValue> mix;

    EventMixView(DashboardModel dashboard) {
        grid.getStyleClass().add("mix-grid");
        grid.setId("event-mix");
        for (int i = 0; i < dashboard.eventMix().size(); i++) {
            Row row = new Row(i);
            rows.add(row);
            grid.addRow(i, row.name, row.bar, row.share);
        }
        // the card's height is set by the chart grid, not by these rows: as many rows as fit are shown
        grid.setMinHeight(0);
        mix = dashboard.eventMix();
        show();
        mix.addListener((ListChangeListener<CategoryValue>) c -> show());
        grid.heightProperty().addListener((obs, old, h) -> show());
        // presenter mode changes the font, so the rows' height, without changing the card's
        rows.get(0).name.heightProperty().addListener((obs, old, h) -> show());
    }

    Node node() {
        return grid;
    }

    private void show() {
        List<EventMixRanking.Bar> ranked = EventMixRanking.rank(List.copyOf(mix), rowsThatFit());
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            row.setShown(i < ranked.size());
            if (i < ranked.size()) {
                row.show(ranked.get(i));
            }
        }
    }

    /** Before the first layout (height 0) all rows; then as many whole rows as the card's height holds. */
    private int rowsThatFit() {
        double height = grid.getHeight();
        if (height <= 0) {
            return rows.size();
        }
        Row first = rows.get(0);
        double rowHeight = Math.max(first.name.prefHeight(-1), first.bar.prefHeight(-1));
        double usable = height - grid.snappedTopInset() - grid.snappedBottomInset() + grid.getVgap();
        return Math.max(1, (int) Math.floor(usable / (rowHeight + grid.getVgap())));
    }

    /** One line: type name, bar, share; the row keeps its place, the type in it changes with the ranking. */
    private static final class Row {
        final Label name = Styles.label("", "mix-name");
        final Label share = Styles.label("", "mix-share");
        final StackPane bar;
        private final DoubleProperty fill = new SimpleDoubleProperty();

        Row(int index) {
            name.setId("mix-name-" + index);
            share.setId("mix-share-" + index);
            Region track = Styles.styled(new Region(), "mix-track");
            Region filled = Styles.styled(new Region(), "mix-fill");
            filled.maxWidthProperty().bind(track.widthProperty().multiply(fill));
            filled.prefWidthProperty().bind(filled.maxWidthProperty());
            bar = new StackPane(track, filled);
            bar.getStyleClass().add("mix-bar");
            StackPane.setAlignment(filled, Pos.CENTER_LEFT);
            GridPane.setHgrow(bar, Priority.ALWAYS);
            // the words keep their room; the bar takes what is left
            name.setMinWidth(Region.USE_PREF_SIZE);
            share.setMinWidth(Region.USE_PREF_SIZE);
        }

        void setShown(boolean shown) {
            for (Node n : List.of(name, bar, share)) {
                n.setVisible(shown);
                n.setManaged(shown);
            }
        }

        void show(EventMixRanking.Bar b) {
            name.setText(b.category());
            share.setText(b.share());
            fill.set(b.fill());
        }
    }
}
