package com.activitytracker.app.view;

import com.activitytracker.app.model.AlertExport;
import com.activitytracker.app.model.KafkaViewModel;
import com.activitytracker.app.model.Theme;
import com.activitytracker.app.view.LiveRows.Slot;
import com.activitytracker.engine.observability.InspectedRecord;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.geometry.Dimension2D;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
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
import javafx.stage.FileChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The Kafka view, a window beside the dashboard: a tab per topic with its newest records (time,
 * partition, offset, key, what it is) and the selected one whole (headers, indented JSON); the
 * dead letters with the inspector (why, who refused it, the original bytes) and an editor to correct
 * one and send it back ({@link DeadLetterPane}); the consumer groups' lag per partition
 * ({@link ConsumerGroupsPane}). Pause, a user filter and the alert export sit on top. This class is the
 * window and its tabs: it gives the rows only to the table of the tab shown, and scales every tab's
 * columns with the font ({@link KafkaTables}). Closing the window closes its reader.
 */
public final class KafkaView {
    private final KafkaViewModel model;
    private final Stage stage = new Stage();
    private final TabPane tabs = new TabPane();
    private final Tab deadLetterTab = new Tab();
    private final Path exportFolder;
    private final KafkaTables tables = new KafkaTables();
    /** The table of each tab and the model's rows it shows while the tab is selected. */
    private final Map<Tab, Feed<?>> feeds = new LinkedHashMap<>();

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
        DeadLetterPane letters = new DeadLetterPane(model, tables);
        deadLetterTab.setContent(letters.node());
        feeds.put(
                deadLetterTab,
                new Feed<>(
                        letters.table(),
                        new LiveRows<>(
                                model.deadLetters(),
                                () -> model.deadLetterEditor().letterProperty().get())));
        ConsumerGroupsPane lags = new ConsumerGroupsPane(model, tables);
        Tab groups = new Tab("Consumer groups", lags.node());
        groups.setId("kafka-tab-groups");
        feeds.put(groups, new Feed<>(lags.table(), new LiveRows<>(model.lags(), () -> null)));
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
        tables.scale(filter.getFont());
        filter.fontProperty().addListener((obs, old, font) -> tables.scale(font));
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.hide();
                e.consume();
            }
        });
        stage.setScene(scene);
        Dimension2D smallest = smallestSize(size);
        stage.setMinWidth(smallest.getWidth());
        stage.setMinHeight(smallest.getHeight());
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

    /**
     * The window's smallest size when it opens at {@code opening}: 900x560, or the size it opens at where that
     * is less. Never larger than it opens: on a low screen a minimum of the screen's height would push its
     * bottom (and the rows there) below the screen's edge.
     */
    public static Dimension2D smallestSize(Dimension2D opening) {
        return new Dimension2D(Math.min(900, opening.getWidth()), Math.min(560, opening.getHeight()));
    }

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
        TableView<Slot<InspectedRecord>> table = tables.table("kafka-table-" + id, "Waiting for records…");
        TableColumn<Slot<InspectedRecord>, String> time =
                tables.column("Time", r -> model.time(r.timestampMillis()), 100);
        TableColumn<Slot<InspectedRecord>, String> partition =
                tables.column("P", r -> String.valueOf(r.partition()), 34);
        TableColumn<Slot<InspectedRecord>, String> offset = tables.column("Offset", r -> Long.toString(r.offset()), 78);
        TableColumn<Slot<InspectedRecord>, String> key = tables.column("Key", InspectedRecord::key, 110);
        TableColumn<Slot<InspectedRecord>, String> what = tables.column("Value", InspectedRecord::summary, 240);
        table.getColumns().setAll(List.of(time, partition, offset, key, what));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, slot) -> {
            InspectedRecord r = slot == null ? null : slot.get();
            if (r != null && r != model.selectedProperty().get()) { // not when the selection follows it down
                model.select(r);
            }
        });
        TextArea details = KafkaTables.jsonArea("kafka-details-" + id, false);
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
}
