package com.activitytracker.app.view;

import com.activitytracker.app.view.LiveRows.Slot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.text.Font;

/**
 * The Kafka view's tables and text areas, made alike for every tab: rows of one fixed height, unsortable
 * columns that show a text of the record in each row's slot, and column widths and row heights that grow
 * with the font the view is drawn in (presenter mode). It is its own class because each tab builds its
 * table here and the scaling has to reach all of them, whichever tab made them.
 */
final class KafkaTables {
    private static final double ROW_HEIGHT = 24;
    /** The font size the base widths are set for: the root's in base.css, which the view keeps outside presenter mode. */
    private static final double NORMAL_FONT_SIZE = 13;

    /** Every column with its width at the normal font size; a larger font (presenter mode) widens them with it. */
    private final Map<TableColumn<?, ?>, Double> baseWidths = new LinkedHashMap<>();

    private final List<TableView<?>> tables = new ArrayList<>();

    /**
     * An empty table of rows of one fixed height: the table then lays out only the rows in view without
     * measuring each, which keeps a table that changes several times a second cheap for the FX thread.
     * Its last column takes the width the others leave.
     */
    <T> TableView<Slot<T>> table(String id, String placeholder) {
        TableView<Slot<T>> table = new TableView<>();
        table.setId(id);
        tables.add(table);
        table.setFixedCellSize(ROW_HEIGHT);
        table.getStyleClass().add("kafka-table");
        table.setPlaceholder(Styles.label(placeholder, "muted"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return table;
    }

    /** A column of the text {@code value} gives for the record in each row's slot; it follows the slot. */
    <T> TableColumn<Slot<T>, String> column(String title, Function<T, String> value, double width) {
        TableColumn<Slot<T>, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> cell.getValue().map(value));
        return sized(c, width);
    }

    /** Gives a column made elsewhere its width at the normal font size, scaled with the others. */
    <S, V> TableColumn<S, V> sized(TableColumn<S, V> c, double width) {
        baseWidths.put(c, width);
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    /**
     * Columns and rows grow with the font: the presenter's is about a third larger (kafka.css), a sixth on
     * a window lower than {@link ThemeStyler#COMPACT_BELOW_HEIGHT}. Scaled by the font actually used, the
     * narrow columns are as wide as their text needs and leave the rest to the last, widest one (the dead
     * letter's reason, the record's value).
     */
    void scale(Font font) {
        double factor = Math.max(1, font.getSize() / NORMAL_FONT_SIZE);
        tables.forEach(t -> t.setFixedCellSize(Math.round(ROW_HEIGHT * factor)));
        baseWidths.forEach((c, w) -> {
            c.setPrefWidth(w * factor);
            // narrow columns (time, partition, offset, key, consumer) never cut; wide ones give way first
            c.setMinWidth(w < 120 ? w * factor : Math.min(w, 120) * factor);
        });
    }

    /** A text area for a record's JSON, wrapped. */
    static TextArea jsonArea(String id, boolean editable) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setEditable(editable);
        area.setWrapText(true);
        area.getStyleClass().add("kafka-json");
        return area;
    }
}
