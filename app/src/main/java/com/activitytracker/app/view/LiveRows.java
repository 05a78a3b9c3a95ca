package com.activitytracker.app.view;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;

/**
 * A table's rows for a list that changes several times a second with its newest records at the top: the
 * table shows slots that stay where they are, and the records move through them.
 *
 * <p>Why: the table's own items then only grow or shrink at the end, so a batch is not a change of the
 * table's list (which makes the table reconfigure every row, and a list replaced whole, as the consumer
 * groups' lags are, rebuild every cell); each row keeps its item and only the text of its cells changes.
 * The selection follows the chosen record as it moves down, and is cleared once the record has left the
 * list, rather than moving to a neighbour.
 *
 * <p>A batch moves through the rows in view a few at a time, {@link #ROWS_PER_PULSE} per FX pulse from the
 * top (the rows out of view at once): a row in view whose text changes is laid out and restyled in the pulse
 * after, which for a whole table of rows is a pulse of ~10 ms at every batch; on a machine the engine keeps
 * busy such a pulse was often late (over 50 ms). Spread over a few pulses the same work makes none of them
 * long, and the rows in view are all new within about a tenth of a second. docs/BENCHMARKS.md has what
 * each change measured.
 */
final class LiveRows<T> {
    /** One row of the table: the record shown in it, which changes as newer ones arrive. */
    static final class Slot<T> extends SimpleObjectProperty<T> {
        Slot(T record) {
            super(record);
        }
    }

    /** Rows given their new record per pulse while a batch moves through the table. */
    static final int ROWS_PER_PULSE = 5;

    private final ObservableList<T> source;
    private final ObservableList<Slot<T>> slots = FXCollections.observableArrayList();
    private final ListChangeListener<T> follow = change -> copy();
    private final Supplier<T> chosen;
    private final int rowsPerPulse;
    private final AnimationTimer pacer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            refreshSome();
        }
    };
    private TableView<Slot<T>> table;
    /** Slots from {@code stale} up to {@code staleEnd} (rows in view) still show the record of an earlier batch. */
    private int stale;

    private int staleEnd;

    /**
     * @param source the model's list, newest first
     * @param chosen the record the presenter selected, which the table's selection follows
     */
    LiveRows(ObservableList<T> source, Supplier<T> chosen) {
        this(source, chosen, ROWS_PER_PULSE);
    }

    /** @param rowsPerPulse rows given their new record per pulse ({@code Integer.MAX_VALUE}: all at once) */
    LiveRows(ObservableList<T> source, Supplier<T> chosen, int rowsPerPulse) {
        this.source = source;
        this.chosen = chosen;
        this.rowsPerPulse = rowsPerPulse;
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
        pacer.stop();
        stale = 0;
        staleEnd = 0;
        table.setItems(FXCollections.emptyObservableList());
        table = null;
        slots.clear();
    }

    /**
     * Slots added or removed at the end only, in one change each, and given their records at once, as are
     * the slots out of view; those in view take theirs {@link #rowsPerPulse} at a time, the first now.
     */
    private void copy() {
        int n = source.size();
        if (table != null && table.getSelectionModel().getSelectedIndex() >= n) {
            // before its row goes: a selection model moves a removed row's selection to a neighbour
            table.getSelectionModel().clearSelection();
        }
        if (slots.size() > n) {
            slots.remove(n, slots.size());
        }
        int[] inView = rowsInView();
        stale = Math.min(inView[0], slots.size());
        staleEnd = Math.min(inView[1] + 1, slots.size());
        for (int i = 0; i < slots.size(); i++) {
            if (i < stale || i >= staleEnd) {
                slots.get(i).set(source.get(i)); // out of view: costs the FX thread nothing to lay out
            }
        }
        if (slots.size() < n) {
            List<Slot<T>> more = new ArrayList<>(n - slots.size());
            for (int i = slots.size(); i < n; i++) {
                more.add(new Slot<>(source.get(i)));
            }
            slots.addAll(more);
        }
        refreshSome();
    }

    /** The first and last row the table shows now; none before its first layout. */
    private int[] rowsInView() {
        if (table != null
                && table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow
                && flow.getFirstVisibleCell() != null
                && flow.getLastVisibleCell() != null) {
            return new int[] {
                flow.getFirstVisibleCell().getIndex(), flow.getLastVisibleCell().getIndex()
            };
        }
        return new int[] {0, -1};
    }

    /** Gives the next stale rows in view their records; once none is left, the selection follows the chosen record. */
    private void refreshSome() {
        int end = (int) Math.min(staleEnd, (long) stale + rowsPerPulse);
        for (int i = stale; i < end; i++) {
            slots.get(i).set(source.get(i));
        }
        stale = end;
        if (stale < staleEnd) {
            pacer.start();
            return;
        }
        pacer.stop();
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
