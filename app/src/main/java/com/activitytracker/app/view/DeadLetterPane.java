package com.activitytracker.app.view;

import com.activitytracker.app.model.DeadLetterEditor;
import com.activitytracker.app.model.KafkaViewModel;
import com.activitytracker.app.view.LiveRows.Slot;
import com.activitytracker.engine.observability.InspectedRecord;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Kafka view's dead-letter tab: the table of dead letters (who refused each and why, the rows of a
 * record whose correction was sent marked) beside the inspector, with the letter's facts, its original
 * bytes, the correction editor with the consumers' verdict, and the buttons to send the correction or a
 * broken purchase for a demonstration. It is its own class because it is the one part of the window a
 * presenter edits in; it shows the model's {@link DeadLetterEditor}. The table is first in its split pane,
 * where the window looks for it to select the newest record.
 */
final class DeadLetterPane {
    private final KafkaViewModel model;
    private final DeadLetterEditor editor;
    private final TableView<Slot<InspectedRecord>> table;
    private final SplitPane root;

    DeadLetterPane(KafkaViewModel model, KafkaTables tables) {
        this.model = model;
        this.editor = model.deadLetterEditor();
        this.table = letterTable(tables);
        // on a low window the inspector scrolls rather than lose its buttons below the window's edge
        ScrollPane inspector = new ScrollPane(inspector());
        inspector.setFitToWidth(true);
        inspector.setFitToHeight(true);
        inspector.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        inspector.getStyleClass().add("kafka-inspector-scroll");
        root = new SplitPane(table, inspector);
        root.setOrientation(Orientation.HORIZONTAL);
        root.setDividerPositions(0.46);
    }

    SplitPane node() {
        return root;
    }

    TableView<Slot<InspectedRecord>> table() {
        return table;
    }

    private TableView<Slot<InspectedRecord>> letterTable(KafkaTables tables) {
        TableView<Slot<InspectedRecord>> letters =
                tables.table("kafka-table-dead-letters", "No dead letters: every record was valid");
        TableColumn<Slot<InspectedRecord>, String> time =
                tables.column("Time", r -> model.time(r.timestampMillis()), 100);
        TableColumn<Slot<InspectedRecord>, String> key = tables.column("Key", InspectedRecord::key, 110);
        TableColumn<Slot<InspectedRecord>, String> by = tables.column(
                "By",
                r -> r.deadLetter()
                        .map(InspectedRecord.DeadLetterFacts::consumer)
                        .orElse(""),
                70);
        TableColumn<Slot<InspectedRecord>, String> why = tables.column("Why", InspectedRecord::summary, 260);
        why.setId("kafka-dead-letter-why");
        // the last column: it takes the width the others leave (the resize policy), and a reason longer
        // than that is whole in the cell's tooltip and in the inspector's facts
        why.setCellFactory(col -> new WhyCell());
        letters.getColumns().setAll(List.of(time, key, by, why));
        letters.setRowFactory(t -> new ResentMarkingRow());
        letters.getSelectionModel().selectedItemProperty().addListener((obs, old, slot) -> {
            InspectedRecord r = slot == null ? null : slot.get();
            // not when its tab comes back or the selection follows it down: the edits stay
            if (r != null && r != editor.letterProperty().get()) {
                editor.inspect(r);
            }
        });
        return letters;
    }

    private VBox inspector() {
        TextArea facts = KafkaTables.jsonArea("kafka-letter-facts", false);
        // wrapped, so a long reason ("Why:") is read whole without scrolling sideways
        facts.setWrapText(true);
        facts.setPrefRowCount(8);
        facts.setMinHeight(Region.USE_PREF_SIZE);
        facts.textProperty().bind(editor.letterFactsProperty());
        TextArea original = KafkaTables.jsonArea("kafka-letter-original", false);
        original.setPrefRowCount(5);
        VBox.setVgrow(original, Priority.ALWAYS);
        original.textProperty().bind(editor.originalProperty());
        TextArea correction = KafkaTables.jsonArea("kafka-correction", true);
        correction.setPrefRowCount(6);
        correction.textProperty().bindBidirectional(editor.correctionProperty());
        correction.disableProperty().bind(editor.letterProperty().isNull());
        VBox.setVgrow(correction, Priority.ALWAYS);

        Label verdict = Styles.label("", "kafka-verdict");
        verdict.setId("kafka-verdict");
        verdict.setWrapText(true);
        verdict.textProperty().bind(editor.verdictProperty());
        editor.correctionValidProperty()
                .addListener(
                        (obs, old, ok) -> Styles.swap(verdict, ok ? "invalid" : "valid", ok ? "valid" : "invalid"));
        Styles.swap(verdict, null, "invalid");

        Label hint = Styles.label(
                "Both consumers refuse a bad record, so it is here twice: correct it and send it once.",
                "muted",
                "small");
        hint.setWrapText(true);
        Label correctionTitle =
                Styles.label("Correction (sent as UTF-8 JSON, checked with the consumers' own rules)", "section-title");
        correctionTitle.setWrapText(true); // the whole of it on a 1024-wide screen too, on two lines
        correctionTitle.setMinHeight(Region.USE_PREF_SIZE);
        VBox inspector = new VBox(
                6,
                Styles.label("Dead letter", "section-title"),
                facts,
                Styles.label("Original bytes", "section-title"),
                original,
                correctionTitle,
                correction,
                verdict,
                actions(),
                hint);
        inspector.getStyleClass().add("kafka-inspector");
        inspector.setId("kafka-inspector");
        return inspector;
    }

    private HBox actions() {
        Button send = Styles.styled(new Button(), "accent");
        send.setId("kafka-resend");
        send.textProperty().bind(model.activitiesTopicProperty().map(t -> "Send to " + t));
        send.disableProperty()
                .bind(editor.letterProperty()
                        .isNull()
                        .or(editor.correctionValidProperty().not())
                        .or(editor.sendingProperty())
                        .or(model.openProperty().not()));
        send.setOnAction(e -> editor.resend());
        send.setMinWidth(Region.USE_PREF_SIZE);
        Button reset = new Button("Undo edits");
        reset.setId("kafka-correction-reset");
        reset.disableProperty().bind(editor.letterProperty().isNull());
        reset.setOnAction(e -> editor.inspect(editor.letterProperty().get()));
        reset.setMinWidth(Region.USE_PREF_SIZE);
        Button broken = new Button("Send a broken purchase");
        broken.setId("kafka-send-broken");
        broken.setTooltip(
                new Tooltip("A purchase without an amount: both consumers refuse it into the dead-letter topic"));
        broken.disableProperty().bind(model.openProperty().not());
        broken.setOnAction(e -> model.sendBrokenPurchase());
        broken.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox actions = new HBox(8, send, reset, gap, broken);
        actions.setAlignment(Pos.CENTER_LEFT);
        return actions;
    }

    /** A dead letter's row, marked once its correction has been sent; the mark moves with the letter. */
    private final class ResentMarkingRow extends TableRow<Slot<InspectedRecord>> {
        private final InvalidationListener remark = o -> mark();

        ResentMarkingRow() {
            itemProperty().addListener((obs, old, slot) -> {
                if (old != null) {
                    old.removeListener(remark);
                }
                if (slot != null) {
                    slot.addListener(remark);
                }
                mark();
            });
            editor.resentCountProperty().addListener(new WeakInvalidationListener(remark));
        }

        private void mark() {
            Slot<InspectedRecord> slot = getItem();
            ThemeStyler.mark(this, "kafka-resent", slot != null && slot.get() != null && editor.resent(slot.get()));
        }
    }

    /** The reason a record was refused: whole in a tooltip, however narrow the column. */
    private static final class WhyCell extends TableCell<Slot<InspectedRecord>, String> {
        private final Tooltip whole = new Tooltip();

        WhyCell() {
            whole.setWrapText(true);
            whole.setMaxWidth(640);
        }

        @Override
        protected void updateItem(String why, boolean empty) {
            super.updateItem(why, empty);
            boolean shown = !empty && why != null && !why.isEmpty();
            setText(shown ? why : null);
            whole.setText(shown ? why : "");
            setTooltip(shown ? whole : null);
        }
    }
}
