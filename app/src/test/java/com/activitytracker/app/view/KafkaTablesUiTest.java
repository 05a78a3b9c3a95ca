package com.activitytracker.app.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.activitytracker.app.view.LiveRows.Slot;
import java.util.List;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The Kafka view's tables grow with the font: rows and narrow columns in full, wide ones up to a point. */
@Tag("ui")
class KafkaTablesUiTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private final KafkaTables tables = new KafkaTables();
    private TableView<Slot<String>> table;
    private TableColumn<Slot<String>, String> key;
    private TableColumn<Slot<String>, String> why;

    @Test
    void columnsAndRowsScaleWithTheFontNeverBelowTheNormalSize() throws Exception {
        FxToolkit.setupFixture(() -> {
            table = tables.table("kafka-table-test", "Waiting…");
            key = tables.column("Key", s -> s, 100);
            why = tables.column("Why", s -> s, 260);
            table.getColumns().setAll(List.of(key, why));
        });
        assertThat(table.getId()).isEqualTo("kafka-table-test");
        assertThat(table.getStyleClass()).contains("kafka-table");
        assertThat(table.getFixedCellSize()).isEqualTo(24);
        assertThat(why.isSortable()).isFalse();

        FxToolkit.setupFixture(() -> tables.scale(Font.font(26)));
        assertThat(table.getFixedCellSize()).isEqualTo(48);
        assertThat(key.getPrefWidth()).isEqualTo(200);
        assertThat(key.getMinWidth()).as("a narrow column never cut").isEqualTo(200);
        assertThat(why.getPrefWidth()).isEqualTo(520);
        assertThat(why.getMinWidth()).as("a wide column gives way first").isEqualTo(240);

        FxToolkit.setupFixture(() -> tables.scale(Font.font(10)));
        assertThat(table.getFixedCellSize()).isEqualTo(24);
        assertThat(why.getPrefWidth()).isEqualTo(260);
    }
}
