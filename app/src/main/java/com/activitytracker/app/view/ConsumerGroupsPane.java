package com.activitytracker.app.view;

import com.activitytracker.app.model.Formats;
import com.activitytracker.app.model.KafkaViewModel;
import com.activitytracker.app.view.LiveRows.Slot;
import com.activitytracker.engine.observability.ConsumerGroupLag;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Kafka view's consumer-groups tab: each group's lag per partition (committed offset, end offset, the
 * lag marked once it passes a thousand records) under one line with each live group's total. It is its own
 * class because it shows a different kind of row from the record tabs and needs nothing from them.
 */
final class ConsumerGroupsPane {
    /** A partition's lag above this is marked. */
    private static final long LAGGING_ABOVE = 1_000;

    private final TableView<Slot<ConsumerGroupLag>> table;
    private final VBox root;

    ConsumerGroupsPane(KafkaViewModel model, KafkaTables tables) {
        table = tables.table("kafka-table-groups", "Reading the consumer groups…");
        table.getColumns()
                .setAll(List.of(
                        tables.column("Group", ConsumerGroupLag::group, 440),
                        tables.column("State", ConsumerGroupLag::state, 70),
                        tables.column("Members", r -> String.valueOf(r.members()), 84),
                        tables.column("Topic", ConsumerGroupLag::topic, 130),
                        tables.column("P", r -> String.valueOf(r.partition()), 34),
                        tables.column("Committed", r -> r.committed() < 0 ? "–" : Formats.count(r.committed()), 90),
                        tables.column("End", r -> Formats.count(r.end()), 90),
                        tables.sized(lagColumn(), 80)));
        Label total = Styles.label("", "kafka-lag-total");
        total.setId("kafka-lag-total");
        total.setWrapText(true);
        total.textProperty().bind(model.totalLagProperty());
        root = new VBox(8, total, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        root.getStyleClass().add("kafka-lag-pane");
    }

    VBox node() {
        return root;
    }

    TableView<Slot<ConsumerGroupLag>> table() {
        return table;
    }

    private static TableColumn<Slot<ConsumerGroupLag>, Long> lagColumn() {
        TableColumn<Slot<ConsumerGroupLag>, Long> c = new TableColumn<>("Lag");
        c.setCellValueFactory(cell -> cell.getValue().map(ConsumerGroupLag::lag));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Long lag, boolean empty) {
                super.updateItem(lag, empty);
                setText(empty || lag == null ? null : Formats.count(lag));
                // restyled only when it changes: the lag is read again every few seconds
                ThemeStyler.mark(this, "kafka-lagging", !empty && lag != null && lag > LAGGING_ABOVE);
            }
        });
        return c;
    }
}
