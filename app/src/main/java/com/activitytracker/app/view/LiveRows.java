package com.activitytracker.app.view;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.TableView;

/**
 * A table's rows for a list that changes several times a second with its newest records at the top: the
 * table shows slots that stay where they are, and the records move through them.
 *
 * <p>Why: the table's own items then only grow or shrink at the end, so a batch is not a change of the
 * table's list (which makes the table reconfigure every row, and a list replaced whole, as the consumer
 * groups' lags are, rebuild every cell); each row keeps its item and only the text of its cells changes.
 * The selection follows the chosen record as it moves down, and is cleared once the record has left the
 * list, rather than moving to a neighbour. docs/BENCHMARKS.md has what it changed and what it did not.
 */
final class LiveRows<T> {
    /** One row of the table: the record shown in it, which changes as newer ones arrive. */
    static final class Slot<T> extends SimpleObjectProperty<T> {
        Slot(T record) {
            super(record);
        }
    }

    private final ObservableList<T> source;
    private final ObservableList<Slot<T>> slots = FXCollections.observableArrayList();
    private final ListChangeListener<T> follow = change -> copy();
    private final Supplier<T> chosen;
    private TableView<Slot<T>> table;

    /**
     * @param source the model's list, newest first
     * @param chosen the record the presenter selected, which the table's selection follows
     */
    LiveRows(ObservableList<T> source, Supplier<T> chosen) {
        this.source = source;
        this.chosen = chosen;
    }

    /** Starts following the source into the table's rows, the chosen record selected. */
    void attach(TableView<Slot<T>> shownIn) {
        if (table == shownIn) {
            return;
        }
        table = shownIn;
        copy();
        source.addListener(follow);
        shownIn.setItems(slots);
        T was = chosen.get();
        int i = was == null ? -1 : indexOf(was);
        if (i >= 0) {
            shownIn.getSelectionModel().select(i);
            shownIn.scrollTo(Math.max(0, i - 3));
        }
    }

    /** Stops following: the table has no rows (the source keeps its records). */
    void detach() {
        if (table == null) {
            return;
        }
        source.removeListener(follow);
        table.setItems(FXCollections.emptyObservableList());
        table = null;
        slots.clear();
    }

    /** The record in each slot as in the source; slots added or removed at the end only, in one change each. */
    private void copy() {
        int n = source.size();
        if (table != null && table.getSelectionModel().getSelectedIndex() >= n) {
            // before its row goes: a selection model moves a removed row's selection to a neighbour
            table.getSelectionModel().clearSelection();
        }
        if (slots.size() > n) {
            slots.remove(n, slots.size());
        }
        for (int i = 0; i < slots.size(); i++) {
            slots.get(i).set(source.get(i));
        }
        if (slots.size() < n) {
            List<Slot<T>> more = new ArrayList<>(n - slots.size());
            for (int i = slots.size(); i < n; i++) {
                more.add(new Slot<>(source.get(i)));
            }
            slots.addAll(more);
        }
        keepChosenSelected();
    }

    private void keepChosenSelected() {
        if (table == null) {
            return;
        }
        Slot<T> selected = table.getSelectionModel().getSelectedItem();
        T was = chosen.get();
        if (selected == null || was == null || selected.get() == was) {
            return;
        }
        int i = indexOf(was);
        if (i >= 0) {
            table.getSelectionModel().clearAndSelect(i);
        } else {
            table.getSelectionModel().clearSelection();
        }
    }

    /** By identity: the records are values whose equality compares every field. */
    private int indexOf(T record) {
        for (int i = 0; i < source.size(); i++) {
            if (source.get(i) == record) {
                return i;
            }
        }
        return -1;
    }
}
