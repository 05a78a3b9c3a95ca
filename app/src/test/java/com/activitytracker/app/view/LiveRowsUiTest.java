package com.activitytracker.app.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.activitytracker.app.view.LiveRows.Slot;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A live table whose newest records arrive at the top: the table's rows keep their items (slots) and only
 * grow at the end, the records move through them (a few rows per pulse), and the selection follows the
 * chosen record.
 */
@Tag("ui")
class LiveRowsUiTest {
    private final ObservableList<String> source = FXCollections.observableArrayList();
    private final SimpleObjectProperty<String> chosen = new SimpleObjectProperty<>();
    /** All rows at once, so each step below can be checked as soon as it is done; the paced rows have their own test. */
    private final LiveRows<String> rows = new LiveRows<>(source, chosen::get, Integer.MAX_VALUE);

    private TableView<Slot<String>> table;
    private Stage stage;
    private int next;

    @BeforeEach
    void show() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> {
            table = new TableView<>();
            table.setFixedCellSize(24);
            TableColumn<Slot<String>, String> record = new TableColumn<>("Record");
            record.setCellValueFactory(cell -> cell.getValue());
            table.getColumns().add(record);
            table.getSelectionModel().selectedItemProperty().addListener((obs, old, slot) -> {
                if (slot != null && slot.get() != null) {
                    chosen.set(slot.get());
                }
            });
            stage = new Stage();
            stage.setScene(new Scene(table, 300, 24 * 12));
            stage.show();
        });
    }

    @AfterEach
    void hide() throws Exception {
        FxToolkit.setupFixture(() -> stage.hide());
    }

    /** Newest first, at most {@code max}, one change a batch: as the Kafka view's model keeps a topic's records. */
    private void arrive(int count, int max) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(0, "r" + next++);
        }
        rows.addAll(source);
        source.setAll(rows.subList(0, Math.min(max, rows.size())));
    }

    private List<TableRow<?>> rowsInView() {
        table.layout();
        List<TableRow<?>> inView = new ArrayList<>();
        for (javafx.scene.Node n : table.lookupAll(".table-row-cell")) {
            TableRow<?> r = (TableRow<?>) n;
            if (r.getIndex() >= 0 && r.getIndex() < table.getItems().size()) {
                inView.add(r);
            }
        }
        return inView;
    }

    @Test
    void recordsMoveThroughRowsThatKeepTheirItem() throws Exception {
        AtomicInteger rowItemChanges = new AtomicInteger();
        AtomicInteger listChanges = new AtomicInteger();
        List<String> shown = new ArrayList<>();
        FxToolkit.setupFixture(() -> {
            rows.attach(table);
            arrive(30, 50);
            table.layout();
        });
        assertThat(table.getItems()).hasSize(30);
        assertThat(table.getItems().get(0).get()).isEqualTo("r29");
        FxToolkit.setupFixture(() -> {
            rowsInView().forEach(r -> r.itemProperty().addListener(o -> rowItemChanges.incrementAndGet()));
            table.getItems().addListener((javafx.collections.ListChangeListener<Slot<String>>) c -> {
                while (c.next()) {
                    if (c.getFrom() < 30) { // a change among the rows already there (growing at the end is not)
                        listChanges.incrementAndGet();
                    }
                }
            });
        });

        FxToolkit.setupFixture(() -> {
            arrive(7, 50);
            rowsInView()
                    .forEach(r -> shown.add(r.getIndex() + "="
                            + r.getChildrenUnmodifiable().stream()
                                    .map(c -> ((TableCell<?, ?>) c).getText())
                                    .findFirst()
                                    .orElse("")));
        });

        assertThat(rowItemChanges.get()).as("rows given another item").isZero();
        assertThat(listChanges.get()).as("changes to the table's rows in place").isZero();
        assertThat(table.getItems()).hasSize(37);
        assertThat(table.getItems().stream().map(Slot::get).toList()).isEqualTo(source);
        assertThat(shown).contains("0=r36", "1=r35", "7=r29");

        // the list at its cap: records still move through the same slots, the count stays
        FxToolkit.setupFixture(() -> arrive(40, 50));
        assertThat(table.getItems()).hasSize(50);
        assertThat(table.getItems().get(0).get()).isEqualTo("r76");
        assertThat(table.getItems().stream().map(Slot::get).toList()).isEqualTo(source);
        assertThat(rowItemChanges.get()).isZero();
        assertThat(listChanges.get()).isZero();
        AtomicInteger atTheCap = new AtomicInteger();
        FxToolkit.setupFixture(() -> {
            table.getItems()
                    .addListener((javafx.collections.ListChangeListener<Slot<String>>) c -> atTheCap.incrementAndGet());
            arrive(5, 50);
        });
        assertThat(atTheCap.get()).as("changes to the table's rows at the cap").isZero();
        assertThat(table.getItems().stream().map(Slot::get).toList()).isEqualTo(source);

        // a filter empties the list: the rows go from the end
        FxToolkit.setupFixture(() -> source.setAll("only"));
        assertThat(table.getItems().stream().map(Slot::get).toList()).containsExactly("only");
    }

    @Test
    void theSelectionFollowsTheChosenRecordDownAndIsClearedWhenItLeaves() throws Exception {
        FxToolkit.setupFixture(() -> {
            rows.attach(table);
            arrive(10, 20);
            table.getSelectionModel().select(2); // r7
        });
        assertThat(chosen.get()).isEqualTo("r7");

        FxToolkit.setupFixture(() -> arrive(3, 20));
        assertThat(table.getSelectionModel().getSelectedIndex()).isEqualTo(5);
        assertThat(table.getSelectionModel().getSelectedItem().get()).isEqualTo("r7");
        assertThat(chosen.get()).isEqualTo("r7");

        FxToolkit.setupFixture(() -> arrive(20, 20));
        assertThat(table.getSelectionModel().getSelectedItem()).isNull();
        assertThat(chosen.get()).as("the details still show it").isEqualTo("r7");
    }

    @Test
    void aHiddenTableHasNoRowsAndComesBackWithTheChosenRecordSelected() throws Exception {
        FxToolkit.setupFixture(() -> {
            rows.attach(table);
            arrive(10, 20);
            table.getSelectionModel().select(4); // r5
            rows.detach();
        });
        assertThat(table.getItems()).isEmpty();

        FxToolkit.setupFixture(() -> {
            arrive(2, 20); // while hidden: nothing follows
            rows.attach(table);
        });
        assertThat(table.getItems()).hasSize(12);
        assertThat(table.getSelectionModel().getSelectedItem().get()).isEqualTo("r5");
        assertThat(table.getSelectionModel().getSelectedIndex()).isEqualTo(6);
    }

    private List<String> slotRecords() {
        return table.getItems().stream().map(Slot::get).toList();
    }

    @Test
    void aBatchMovesThroughTheRowsAFewPerPulseAndTheSelectionFollowsOnceAllAreNew() throws Exception {
        LiveRows<String> paced = new LiveRows<>(source, chosen::get, 4);
        FxToolkit.setupFixture(() -> {
            paced.attach(table);
            arrive(20, 30);
            table.getSelectionModel().select(2); // r17
        });
        assertThat(slotRecords()).as("new slots take their records at once").isEqualTo(source);
        List<String> before = slotRecords();

        List<String> rightAfter = new ArrayList<>();
        FxToolkit.setupFixture(() -> {
            arrive(3, 30); // 23 records: 20 slots to bring up to date (about 11 in view), 3 new at the end
            rightAfter.addAll(slotRecords());
        });
        assertThat(rightAfter).hasSize(23);
        assertThat(rightAfter.subList(0, 4)).as("the first rows at once").containsExactly("r22", "r21", "r20", "r19");
        assertThat(rightAfter.subList(4, 9))
                .as("the rest in view on the next pulses")
                .isEqualTo(before.subList(4, 9));
        assertThat(rightAfter.subList(14, 23))
                .as("the rows out of view at once")
                .isEqualTo(source.subList(14, 23));

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> slotRecords().equals(source));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getSelectionModel().getSelectedIndex()).isEqualTo(5);
        assertThat(table.getSelectionModel().getSelectedItem().get()).isEqualTo("r17");
    }
}
