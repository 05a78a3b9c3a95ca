package com.activitytracker.app.view;

import com.activitytracker.app.model.AlertExport;
import com.activitytracker.app.model.Formats;
import com.activitytracker.app.model.KafkaViewModel;
import com.activitytracker.app.model.Theme;
import com.activitytracker.app.view.LiveRows.Slot;
import com.activitytracker.engine.observability.ConsumerGroupLag;
import com.activitytracker.engine.observability.InspectedRecord;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.geometry.Dimension2D;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.stage.FileChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The Kafka view, a window beside the dashboard: a tab per topic with its newest records (time,
 * partition, offset, key, what it is) and the selected one whole (headers, indented JSON); the
 * dead letters with the inspector (why, who refused it, the original bytes) and an editor to correct
 * one and send it back; the consumer groups' lag per partition. Pause, a user filter and the alert
 * export sit on top. Closing the window closes its reader.
 */
public final class KafkaView {
    private final KafkaViewModel model;
    private final Stage stage = new Stage();
    private final TabPane tabs = new TabPane();
    private final Tab deadLetterTab = new Tab();
    private final Path exportFolder;
    /** Every column with its width at the normal font size; a larger font (presenter mode) widens them with it. */
    private final java.util.Map<TableColumn<?, ?>, Double> baseWidths = new java.util.LinkedHashMap<>();

    public KafkaView(
            KafkaViewModel model,
            Window owner,
            ObservableValue<Theme> theme,
            ObservableValue<Boolean> presenter,
            Path exportFolder) {
        this.model = model;
        this.exportFolder = exportFolder;
        stage.initOwner(owner);
        stage.setTitle("Kafka: records, consumer groups, dead letters");

        Label title = Styles.label("Kafka", "kafka-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        TextField filter = new TextField();
        filter.setId("kafka-filter");
        filter.setPromptText("Filter by user id (Enter)");
        filter.setPrefColumnCount(16);
        filter.textProperty().bindBidirectional(model.filterProperty());
        filter.setOnAction(e -> model.applyFilter());
        Button clear = new Button("Clear");
        clear.setId("kafka-filter-clear");
        clear.setOnAction(e -> model.clearFilter());
        clear.setMinWidth(Region.USE_PREF_SIZE);
        ToggleButton pause = new ToggleButton();
        pause.setId("kafka-pause");
        pause.selectedProperty().bindBidirectional(model.pausedProperty());
        pause.textProperty().bind(pause.selectedProperty().map(p -> p ? "Resume" : "Pause"));
        pause.setTooltip(new Tooltip("Stop reading, to look at what is shown; resume catches up with the tail"));
        pause.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button csv = exportButton("kafka-export-csv", "Export alerts CSV…", AlertExport.Format.CSV);
        Button json = exportButton("kafka-export-json", "JSON…", AlertExport.Format.JSON);
        HBox toolbar = new HBox(8, title, filter, clear, pause, spacer, csv, json);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.getStyleClass().add("kafka-toolbar");

        Label status = Styles.label("", "muted", "small");
        status.setId("kafka-status");
        status.textProperty().bind(model.statusProperty());
        Label error = Styles.label("", "error-text");
        error.setId("kafka-error");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        Tab activities = recordTab("activities", model.activitiesTopicProperty(), model.activities());
        Tab alerts = recordTab("alerts", model.alertsTopicProperty(), model.alerts());
        deadLetterTab.setId("kafka-tab-dead-letters");
        deadLetterTab.textProperty().bind(model.deadLettersTopicProperty().map(t -> "Dead letters · " + t));
        deadLetterTab.setContent(deadLetterPane());
        Tab groups = new Tab("Consumer groups", lagPane());
        groups.setId("kafka-tab-groups");
        feeds.put(groups, new Feed<>(groupsTable, new LiveRows<>(model.lags(), () -> null)));
        tabs.getTabs().setAll(activities, alerts, deadLetterTab, groups);
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> feedShownTab());
        feedShownTab();
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("kafka-tabs");
        VBox.setVgrow(tabs, Priority.ALWAYS);

        VBox root = new VBox(8, toolbar, status, error, tabs);
        root.getStyleClass().add("kafka-view");
        root.setId("kafka-view");
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Dimension2D size = openingSize(screen);
        Scene scene = new Scene(root, size.getWidth(), size.getHeight());
        ThemeStyler.bind(scene, theme, presenter);
        markNarrow(root, scene.getWidth());
        scene.widthProperty().addListener((obs, old, w) -> markNarrow(root, w.doubleValue()));
        // the columns follow the font the view is drawn in (kafka.css: larger in presenter mode, a little less
        // so on a low window); the filter field inherits it from the view's root like the tables' cells
        scaleColumns(filter.getFont());
        filter.fontProperty().addListener((obs, old, font) -> scaleColumns(font));
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.hide();
                e.consume();
            }
        });
        stage.setScene(scene);
        stage.setMinWidth(Math.min(900, screen.getWidth()));
        stage.setMinHeight(Math.min(560, screen.getHeight()));
        stage.setOnHidden(e -> model.close());
    }

    /**
     * On a window narrower than {@link #NARROW_BELOW_WIDTH} the presenter's font is the smaller one, as on a
     * low window (kafka.css): the larger one leaves the dead letter's reason and the inspector's titles
     * too little room beside each other. The window opens 1280 wide on every screen up to a maximised one.
     */
    private static void markNarrow(Region root, double width) {
        ThemeStyler.mark(root, NARROW_CLASS, width > 0 && width < NARROW_BELOW_WIDTH);
    }

    private static final String NARROW_CLASS = "kafka-narrow";
    private static final double NARROW_BELOW_WIDTH = 1440;

    /** The window's size when it opens on a screen with these visual bounds: 1280x820 where there is room. */
    public static Dimension2D openingSize(Rectangle2D screen) {
        return new Dimension2D(Math.min(1280, screen.getWidth() * 0.94), Math.min(820, screen.getHeight() * 0.92));
    }

    /** Opens the reader and shows the window (or brings it to the front). */
    public void show() {
        model.open();
        if (stage.isShowing()) {
            stage.toFront();
        } else {
            stage.show();
            tabs.requestFocus(); // not the filter field: its hint stays readable
        }
    }

    public void close() {
        stage.hide();
    }

    public boolean isShowing() {
        return stage.isShowing();
    }

    /** Shows the dead-letter tab (for the screenshot tour and a presenter's shortcut). */
    public void showDeadLetters() {
        tabs.getSelectionModel().select(deadLetterTab);
    }

    public void showTab(int index) {
        tabs.getSelectionModel().select(index);
    }

    /** Selects the newest record of the tab shown (for the screenshot tour). */
    public void selectFirstRecord() {
        Node content = tabs.getSelectionModel().getSelectedItem().getContent();
        if (content instanceof SplitPane split
                && !split.getItems().isEmpty()
                && split.getItems().get(0) instanceof TableView<?> table
                && !table.getItems().isEmpty()) {
            table.getSelectionModel().select(0);
        }
    }

    public Scene scene() {
        return stage.getScene();
    }

    public Stage stage() {
        return stage;
    }

    private Button exportButton(String id, String text, AlertExport.Format format) {
        Button b = new Button(text);
        b.setId(id);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setTooltip(new Tooltip("Save the fraud alerts the console has received as " + format));
        b.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export the fraud alerts as " + format);
            chooser.setInitialFileName(AlertExport.fileName(LocalDateTime.now(), format));
            chooser.getExtensionFilters()
                    .add(new FileChooser.ExtensionFilter(format.name(), "*." + format.extension()));
            if (Files.isDirectory(exportFolder)) {
                chooser.setInitialDirectory(exportFolder.toFile());
            }
            File file = chooser.showSaveDialog(stage);
            if (file != null) {
                model.exportAlerts(file.toPath(), format);
            }
        });
        return b;
    }

    /**
     * Only the table of the tab shown has its rows: the others have none until their tab is selected
     * (the model keeps them). A table the presenter cannot see then costs the FX thread nothing per
     * batch: hidden content of a tab pane is still laid out and styled when its rows change.
     */
    private void feedShownTab() {
        Tab shown = tabs.getSelectionModel().getSelectedItem();
        feeds.forEach((tab, feed) -> feed.show(tab == shown));
    }

    private final java.util.Map<Tab, Feed<?>> feeds = new java.util.LinkedHashMap<>();

    /** A table and the model's rows it shows while its tab is selected; its selection comes back with them. */
    private record Feed<T>(TableView<Slot<T>> table, LiveRows<T> rows) {
        void show(boolean shown) {
            if (shown) {
                rows.attach(table);
            } else {
                rows.detach();
            }
        }
    }

    private Tab recordTab(String id, ObservableValue<String> topic, ObservableList<InspectedRecord> rows) {
        TableView<Slot<InspectedRecord>> table = recordTable("kafka-table-" + id, false);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, slot) -> {
            InspectedRecord r = slot == null ? null : slot.get();
            if (r != null && r != model.selectedProperty().get()) { // not when the selection follows it down
                model.select(r);
            }
        });
        TextArea details = jsonArea("kafka-details-" + id, false);
        details.textProperty().bind(model.detailsProperty());
        SplitPane split = new SplitPane(table, details);
        split.setDividerPositions(0.56);
        Tab tab = new Tab();
        tab.textProperty().bind(topic);
        tab.setId("kafka-tab-" + id);
        tab.setContent(split);
        feeds.put(
                tab,
                new Feed<>(
                        table,
                        new LiveRows<>(rows, () -> model.selectedProperty().get())));
        return tab;
    }

    private TableView<Slot<InspectedRecord>> recordTable(String id, boolean dlq) {
        TableView<Slot<InspectedRecord>> table = new TableView<>();
        table.setId(id);
        fixedRows(table);
        table.getStyleClass().add("kafka-table");
        table.setPlaceholder(
                Styles.label(dlq ? "No dead letters: every record was valid" : "Waiting for records…", "muted"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Slot<InspectedRecord>, String> time = column("Time", r -> model.time(r.timestampMillis()), 100);
        TableColumn<Slot<InspectedRecord>, String> partition = column("P", r -> String.valueOf(r.partition()), 34);
        TableColumn<Slot<InspectedRecord>, String> offset = column("Offset", r -> Long.toString(r.offset()), 78);
        TableColumn<Slot<InspectedRecord>, String> key = column("Key", InspectedRecord::key, 110);
        if (dlq) {
            TableColumn<Slot<InspectedRecord>, String> by = column(
                    "By",
                    r -> r.deadLetter()
                            .map(InspectedRecord.DeadLetterFacts::consumer)
                            .orElse(""),
                    70);
            TableColumn<Slot<InspectedRecord>, String> why = column("Why", InspectedRecord::summary, 260);
            why.setId("kafka-dead-letter-why");
            // the last column: it takes the width the others leave (the resize policy), and a reason longer
            // than that is whole in the cell's tooltip and in the inspector's facts
            why.setCellFactory(col -> new WhyCell());
            table.getColumns().setAll(java.util.List.of(time, key, by, why));
            table.setRowFactory(t -> new ResentMarkingRow());
        } else {
            TableColumn<Slot<InspectedRecord>, String> what = column("Value", InspectedRecord::summary, 240);
            table.getColumns().setAll(java.util.List.of(time, partition, offset, key, what));
        }
        return table;
    }

    /**
     * Rows of one fixed height: the table then lays out only the rows in view without measuring each,
     * which keeps a table that changes several times a second cheap for the FX thread.
     */
    private void fixedRows(TableView<?> table) {
        tables.add(table);
        table.setFixedCellSize(ROW_HEIGHT);
    }

    private static final double ROW_HEIGHT = 24;
    private TableView<Slot<ConsumerGroupLag>> groupsTable;
    private final java.util.List<TableView<?>> tables = new java.util.ArrayList<>();

    /**
     * Columns and rows grow with the font: the presenter's is about a third larger (kafka.css), a sixth on
     * a window lower than {@link ThemeStyler#COMPACT_BELOW_HEIGHT}. Scaled by the font actually used, the
     * narrow columns are as wide as their text needs and leave the rest to the last, widest one (the dead
     * letter's reason, the record's value).
     */
    private void scaleColumns(Font font) {
        double factor = Math.max(1, font.getSize() / NORMAL_FONT_SIZE);
        tables.forEach(t -> t.setFixedCellSize(Math.round(ROW_HEIGHT * factor)));
        baseWidths.forEach((c, w) -> {
            c.setPrefWidth(w * factor);
            // narrow columns (time, partition, offset, key, consumer) never cut; wide ones give way first
            c.setMinWidth(w < 120 ? w * factor : Math.min(w, 120) * factor);
        });
    }

    /** The font size the base widths are set for: the root's in base.css, which the view keeps outside presenter mode. */
    private static final double NORMAL_FONT_SIZE = 13;

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
            model.resentCountProperty().addListener(new WeakInvalidationListener(remark));
        }

        private void mark() {
            Slot<InspectedRecord> slot = getItem();
            ThemeStyler.mark(this, "kafka-resent", slot != null && slot.get() != null && model.resent(slot.get()));
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

    /** A column of the text {@code value} gives for the record in each row's slot; it follows the slot. */
    private <T> TableColumn<Slot<T>, String> column(String title, Function<T, String> value, double width) {
        TableColumn<Slot<T>, String> c = new TableColumn<>(title);
        baseWidths.put(c, width);
        c.setCellValueFactory(cell -> cell.getValue().map(value));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    private static TextArea jsonArea(String id, boolean editable) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setEditable(editable);
        area.setWrapText(true);
        area.getStyleClass().add("kafka-json");
        return area;
    }

    private Node deadLetterPane() {
        TableView<Slot<InspectedRecord>> table = recordTable("kafka-table-dead-letters", true);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, slot) -> {
            InspectedRecord r = slot == null ? null : slot.get();
            // not when its tab comes back or the selection follows it down: the edits stay
            if (r != null && r != model.letterProperty().get()) {
                model.inspect(r);
            }
        });
        feeds.put(
                deadLetterTab,
                new Feed<>(
                        table,
                        new LiveRows<>(
                                model.deadLetters(),
                                () -> model.letterProperty().get())));

        TextArea facts = jsonArea("kafka-letter-facts", false);
        // wrapped, so a long reason ("Why:") is read whole without scrolling sideways
        facts.setWrapText(true);
        facts.setPrefRowCount(8);
        facts.setMinHeight(Region.USE_PREF_SIZE);
        facts.textProperty().bind(model.letterFactsProperty());
        TextArea original = jsonArea("kafka-letter-original", false);
        original.setPrefRowCount(5);
        VBox.setVgrow(original, Priority.ALWAYS);
        original.textProperty().bind(model.originalProperty());
        TextArea editor = jsonArea("kafka-correction", true);
        editor.setPrefRowCount(6);
        editor.textProperty().bindBidirectional(model.correctionProperty());
        editor.disableProperty().bind(model.letterProperty().isNull());
        VBox.setVgrow(editor, Priority.ALWAYS);

        Label verdict = Styles.label("", "kafka-verdict");
        verdict.setId("kafka-verdict");
        verdict.setWrapText(true);
        verdict.textProperty().bind(model.verdictProperty());
        model.correctionValidProperty()
                .addListener(
                        (obs, old, ok) -> Styles.swap(verdict, ok ? "invalid" : "valid", ok ? "valid" : "invalid"));
        Styles.swap(verdict, null, "invalid");
        Button send = Styles.styled(new Button(), "accent");
        send.setId("kafka-resend");
        send.textProperty().bind(model.activitiesTopicProperty().map(t -> "Send to " + t));
        send.disableProperty()
                .bind(model.letterProperty()
                        .isNull()
                        .or(model.correctionValidProperty().not())
                        .or(model.sendingProperty())
                        .or(model.openProperty().not()));
        send.setOnAction(e -> model.resend());
        send.setMinWidth(Region.USE_PREF_SIZE);
        Button reset = new Button("Undo edits");
        reset.setId("kafka-correction-reset");
        reset.disableProperty().bind(model.letterProperty().isNull());
        reset.setOnAction(e -> model.inspect(model.letterProperty().get()));
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

        Label hint = Styles.label(
                "Both consumers refuse a bad record, so it is here twice: correct it and send it once.",
                "muted",
                "small");
        hint.setWrapText(true);
        VBox inspector = new VBox(
                6,
                Styles.label("Dead letter", "section-title"),
                facts,
                Styles.label("Original bytes", "section-title"),
                original,
                Styles.label("Correction (sent as UTF-8 JSON, checked with the consumers' own rules)", "section-title"),
                editor,
                verdict,
                actions,
                hint);
        inspector.getStyleClass().add("kafka-inspector");
        inspector.setId("kafka-inspector");
        SplitPane split = new SplitPane(table, inspector);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.46);
        return split;
    }

    private Node lagPane() {
        TableView<Slot<ConsumerGroupLag>> table = new TableView<>();
        table.setId("kafka-table-groups");
        groupsTable = table;
        fixedRows(table);
        table.getStyleClass().add("kafka-table");
        table.setPlaceholder(Styles.label("Reading the consumer groups…", "muted"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns()
                .setAll(java.util.List.of(
                        column("Group", ConsumerGroupLag::group, 440),
                        column("State", ConsumerGroupLag::state, 70),
                        column("Members", r -> String.valueOf(r.members()), 70),
                        column("Topic", ConsumerGroupLag::topic, 130),
                        column("P", r -> String.valueOf(r.partition()), 34),
                        column("Committed", r -> r.committed() < 0 ? "–" : Formats.count(r.committed()), 90),
                        column("End", r -> Formats.count(r.end()), 90),
                        lagColumn()));
        Label total = Styles.label("", "kafka-lag-total");
        total.setId("kafka-lag-total");
        total.setWrapText(true);
        total.textProperty().bind(model.totalLagProperty());
        VBox box = new VBox(8, total, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.getStyleClass().add("kafka-lag-pane");
        return box;
    }

    private TableColumn<Slot<ConsumerGroupLag>, Long> lagColumn() {
        TableColumn<Slot<ConsumerGroupLag>, Long> c = new TableColumn<>("Lag");
        baseWidths.put(c, 80.0);
        c.setCellValueFactory(cell -> cell.getValue().map(ConsumerGroupLag::lag));
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Long lag, boolean empty) {
                super.updateItem(lag, empty);
                setText(empty || lag == null ? null : Formats.count(lag));
                // restyled only when it changes: the lag is read again every few seconds
                ThemeStyler.mark(this, "kafka-lagging", !empty && lag != null && lag > 1_000);
            }
        });
        c.setPrefWidth(80);
        c.setSortable(false);
        return c;
    }
}
