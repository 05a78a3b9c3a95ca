package com.activitytracker.app.model;

import com.activitytracker.engine.fraud.FraudAlert;
import com.activitytracker.engine.observability.ConsumerGroupLag;
import com.activitytracker.engine.observability.InspectedRecord;
import com.activitytracker.engine.observability.InspectorBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * The console's Kafka view: the newest records of the activities, alerts and dead-letter topics (at
 * most {@link #MAX_ROWS} each, newest first, kept by {@link NewestRecords}), the consumer groups' lag per
 * partition, the selected record in full, and the dead-letter inspector ({@link #deadLetterEditor()}).
 * It opens and closes the reader, a {@link KafkaTap} on a thread of its own, and passes it the presenter's
 * filter and pause; the reader's batches reach {@code ui} (the FX thread in the app) through a
 * {@link BatchHandOver}, one hand-over at a time, never one per record.
 */
public final class KafkaViewModel {
    /** Rows kept per topic. */
    public static final int MAX_ROWS = NewestRecords.MAX_ROWS;
    /**
     * At most one hand-over to the FX thread per this interval: the reader's batches (two a second)
     * in between are applied together. Each hand-over restyles and redraws every row in view (at
     * 20,000 events/s the newest records replace all of them), ~10 ms of FX and ~6 ms of render time;
     * every two seconds halves what once a second cost the console on a busy machine, and leaves a
     * presenter time to read a row before it moves on.
     */
    public static final Duration UI_EVERY = Duration.ofSeconds(2);
    /** The user of the broken purchase a presenter sends to show a dead letter. */
    public static final String DEMO_USER = "demo-broken";

    private final KafkaTaps taps;
    private final Executor ui;
    private final Executor background;
    private final Supplier<List<FraudAlert>> alertFeed;
    private final DateTimeFormatter timeFormat;
    private final BatchHandOver handOver;
    private final NewestRecords records = new NewestRecords();
    private final ConsumerGroupLags lags = new ConsumerGroupLags();
    private final DeadLetterEditor deadLetterEditor;

    private final StringProperty filter = new SimpleStringProperty("");
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<InspectedRecord> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("Select a record to see it whole");

    private KafkaTap tap;

    /**
     * @param ui         runs on the FX thread (Platform::runLater in the app)
     * @param background runs file writing
     * @param alertFeed  the alerts the console has received, for the export (read on the FX thread)
     */
    public KafkaViewModel(
            KafkaTaps taps, Executor ui, Executor background, ZoneId zone, Supplier<List<FraudAlert>> alertFeed) {
        this(taps, ui, background, zone, alertFeed, UI_EVERY);
    }

    /** @param uiEvery at most one hand-over to {@code ui} per this interval ({@link #UI_EVERY} in the app) */
    public KafkaViewModel(
            KafkaTaps taps,
            Executor ui,
            Executor background,
            ZoneId zone,
            Supplier<List<FraudAlert>> alertFeed,
            Duration uiEvery) {
        this.handOver = new BatchHandOver(ui, uiEvery, this::handedOver);
        this.taps = Objects.requireNonNull(taps);
        this.ui = Objects.requireNonNull(ui);
        this.background = Objects.requireNonNull(background);
        this.alertFeed = Objects.requireNonNull(alertFeed);
        this.timeFormat =
                DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT).withZone(Objects.requireNonNull(zone));
        this.deadLetterEditor = new DeadLetterEditor(() -> tap, ui, error::set);
        paused.addListener((obs, was, now) -> {
            if (tap != null) {
                tap.pause(now);
            }
            updateStatus();
        });
    }

    // ---- Properties ----------------------------------------------------------------------------

    public ObservableList<InspectedRecord> activities() {
        return records.activities();
    }

    public ObservableList<InspectedRecord> alerts() {
        return records.alerts();
    }

    public ObservableList<InspectedRecord> deadLetters() {
        return records.deadLetters();
    }

    /** Every partition of every consumer group on the tracker's topics; groups with members first. */
    public ObservableList<ConsumerGroupLag> lags() {
        return lags.rows();
    }

    public ReadOnlyStringProperty activitiesTopicProperty() {
        return records.activitiesTopicProperty();
    }

    public ReadOnlyStringProperty alertsTopicProperty() {
        return records.alertsTopicProperty();
    }

    public ReadOnlyStringProperty deadLettersTopicProperty() {
        return records.deadLettersTopicProperty();
    }

    /** The user id to filter by; applied by {@link #applyFilter()}. */
    public StringProperty filterProperty() {
        return filter;
    }

    public BooleanProperty pausedProperty() {
        return paused;
    }

    /** True while a reader is open. */
    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    /** What is read and shown, one line. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The lag of each live group in one line, e.g. "activity-tracker-fraud: 12". */
    public ReadOnlyStringProperty totalLagProperty() {
        return lags.totalProperty();
    }

    public ReadOnlyObjectProperty<InspectedRecord> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The selected record whole: where it sits, key, headers, value as indented JSON. */
    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** The dead-letter inspector and its correction editor, which checks and sends through the reader open now. */
    public DeadLetterEditor deadLetterEditor() {
        return deadLetterEditor;
    }

    // ---- Commands ------------------------------------------------------------------------------

    /** Opens a reader on the engine in use (if none is open); says why when the engine is not streaming. */
    public void open() {
        if (tap != null) {
            return;
        }
        try {
            tap = taps.open(handOver.newReader());
        } catch (IllegalStateException e) {
            error.set("The engine is not streaming yet: the Kafka view opens once it is");
            return;
        }
        records.readFrom(tap);
        error.set("");
        open.set(true);
        if (!filter.get().isBlank()) {
            tap.filter(filter.get());
        }
        tap.pause(paused.get());
        updateStatus();
    }

    /** Closes the reader (its thread closes its clients); what is shown stays. Returns at once. */
    public void close() {
        KafkaTap t = tap;
        tap = null;
        handOver.endReader();
        if (t != null) {
            t.close();
        }
        open.set(false);
        updateStatus();
    }

    /**
     * Shows only the filter's user's records; blank shows all. The reader looks back for the recent
     * records that match, so the tables start again from those (nothing is listed twice).
     */
    public void applyFilter() {
        String f = filter();
        if (tap != null) {
            handOver.dropQueued(); // read under the old filter
            records.clear();
            tap.filter(f);
        } else {
            records.keepOnly(f);
        }
        updateStatus();
    }

    public void clearFilter() {
        filter.set("");
        applyFilter();
    }

    public void select(InspectedRecord record) {
        selected.set(record);
        details.set(record == null ? "Select a record to see it whole" : describe(record));
    }

    /**
     * For a demonstration: sends a purchase without an amount (user {@code demo-broken}) to the
     * activities topic; both consumers refuse it, and it appears here as two dead letters.
     */
    public void sendBrokenPurchase() {
        KafkaTap t = tap;
        if (t == null) {
            error.set("The Kafka view is closed: open it again to send");
            return;
        }
        t.sendBrokenPurchase(DEMO_USER)
                .whenComplete((where, failure) -> ui.execute(() -> {
                    if (failure != null) {
                        error.set("Could not send the broken purchase: "
                                + Failures.cause(failure).getMessage());
                    } else {
                        status.set(
                                "Sent a purchase without an amount to " + where + ": watch it arrive as a dead letter");
                    }
                }));
    }

    /** Writes the alerts the console has received to {@code file}, in the background. */
    public CompletableFuture<Path> exportAlerts(Path file, AlertExport.Format format) {
        List<FraudAlert> snapshot = List.copyOf(alertFeed.get());
        status.set("Exporting " + Formats.count(snapshot.size(), "alert") + "…");
        CompletableFuture<Path> done = CompletableFuture.supplyAsync(
                () -> {
                    try {
                        Path parent = file.toAbsolutePath().getParent();
                        if (parent != null) {
                            Files.createDirectories(parent);
                        }
                        return Files.writeString(file, AlertExport.format(snapshot, format), StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                },
                background);
        done.whenComplete((path, failure) -> ui.execute(() -> {
            if (failure != null) {
                error.set("Could not export the alerts: "
                        + Failures.cause(failure).getMessage());
                updateStatus();
            } else {
                status.set(Formats.count(snapshot.size(), "alert") + " exported to " + path);
            }
        }));
        return done;
    }

    /** The record's time on the console's clock, e.g. 10:30:45.123. */
    public String time(long epochMillis) {
        return timeFormat.format(Instant.ofEpochMilli(epochMillis));
    }

    // ---- Batches handed over from the reader's thread ----------------------------------------------

    private void handedOver(List<InspectorBatch> batches) {
        for (InspectorBatch b : batches) {
            apply(b);
        }
        updateStatus();
    }

    private void apply(InspectorBatch b) {
        b.problem().ifPresentOrElse(error::set, () -> {
            if (error.get().startsWith("Could not read") || error.get().startsWith("Reading stopped")) {
                error.set("");
            }
        });
        b.lags().ifPresent(lags::update);
        records.count(b.read());
        if (paused.get()) {
            return; // records already on their way when the presenter paused
        }
        records.add(b.records(), filter());
    }

    private String filter() {
        return filter.get() == null ? "" : filter.get().strip();
    }

    private void updateStatus() {
        String f = filter();
        String state = tap == null ? "Closed" : paused.get() ? "Paused" : "Live";
        status.set(state + " · " + records.readSummary()
                + (f.isEmpty() ? "" : " · user contains \"" + f + "\"")
                + " · newest " + MAX_ROWS + " per topic shown");
    }

    private String describe(InspectedRecord r) {
        StringBuilder s = new StringBuilder();
        s.append(r.place()).append("   ").append(time(r.timestampMillis())).append('\n');
        s.append("key: ").append(r.key().isEmpty() ? "(none)" : r.key()).append('\n');
        for (InspectedRecord.Header h : r.headers()) {
            s.append("header ").append(h.name()).append(": ").append(h.text()).append('\n');
        }
        s.append('\n').append(r.value());
        return s.toString();
    }
}
