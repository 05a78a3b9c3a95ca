package com.activitytracker.app.model;

import com.activitytracker.engine.fraud.FraudAlert;
import com.activitytracker.engine.observability.ConsumerGroupLag;
import com.activitytracker.engine.observability.InspectedRecord;
import com.activitytracker.engine.observability.InspectorBatch;
import com.activitytracker.engine.observability.KafkaInspector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The console's Kafka view: the newest records of the activities, alerts and dead-letter topics (at
 * most {@link #MAX_ROWS} each, newest first), the consumer groups' lag per partition, the selected
 * record in full, and the dead-letter inspector with its correction editor. The records come from a
 * {@link KafkaTap} on a thread of its own, in batches; they reach {@code ui} (the FX thread in the
 * app) through one hand-over at a time, never one per record.
 */
public final class KafkaViewModel {
    /** Rows kept per topic. */
    public static final int MAX_ROWS = 300;
    /**
     * At most one hand-over to the FX thread per this interval: the reader's batches (two a second)
     * in between are applied together. Each hand-over redraws the tables, so once a second costs the
     * FX and render threads half of what following every batch did, and at 20,000 events/s the newest
     * rows replace every visible one either way.
     */
    public static final java.time.Duration UI_EVERY = java.time.Duration.ofSeconds(1);

    private static final com.fasterxml.jackson.databind.ObjectMapper EDITOR_JSON =
            new com.fasterxml.jackson.databind.ObjectMapper()
                    .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                    .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .configure(
                            com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    /** The user of the broken purchase a presenter sends to show a dead letter. */
    public static final String DEMO_USER = "demo-broken";

    private final KafkaTaps taps;
    private final Executor ui;
    private final Executor background;
    private final ZoneId zone;
    private final Supplier<List<FraudAlert>> alertFeed;
    private final java.time.format.DateTimeFormatter timeFormat;

    private final ObservableList<InspectedRecord> activities = FXCollections.observableArrayList();
    private final ObservableList<InspectedRecord> alerts = FXCollections.observableArrayList();
    private final ObservableList<InspectedRecord> deadLetters = FXCollections.observableArrayList();
    private final ObservableList<ConsumerGroupLag> lags = FXCollections.observableArrayList();

    private final ReadOnlyStringWrapper activitiesTopic = new ReadOnlyStringWrapper("activities");
    private final ReadOnlyStringWrapper alertsTopic = new ReadOnlyStringWrapper("alerts");
    private final ReadOnlyStringWrapper deadLettersTopic = new ReadOnlyStringWrapper("dead letters");
    private final StringProperty filter = new SimpleStringProperty("");
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper totalLag = new ReadOnlyStringWrapper("");

    private final ReadOnlyObjectWrapper<InspectedRecord> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("Select a record to see it whole");

    private final ReadOnlyObjectWrapper<InspectedRecord> letter = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper letterFacts = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper original = new ReadOnlyStringWrapper("");
    private final StringProperty correction = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper correctionValid = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper sending = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper resentCount = new ReadOnlyIntegerWrapper();
    private final Set<String> resentSources = new HashSet<>();

    private final Object inboxLock = new Object();
    private List<InspectorBatch> inbox = new ArrayList<>();
    private boolean drainScheduled;
    private long lastDrain;
    private final long uiEveryNanos;
    private KafkaTap tap;
    private int generation;
    private final long[] read = new long[3];

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
            java.time.Duration uiEvery) {
        this.uiEveryNanos = uiEvery.toNanos();
        this.lastDrain = System.nanoTime() - uiEveryNanos;
        this.taps = Objects.requireNonNull(taps);
        this.ui = Objects.requireNonNull(ui);
        this.background = Objects.requireNonNull(background);
        this.zone = Objects.requireNonNull(zone);
        this.alertFeed = Objects.requireNonNull(alertFeed);
        this.timeFormat = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT)
                .withZone(zone);
        paused.addListener((obs, was, now) -> {
            if (tap != null) {
                tap.pause(now);
            }
            updateStatus();
        });
        correction.addListener((obs, old, text) -> validate());
    }

    // ---- Properties ----------------------------------------------------------------------------

    public ObservableList<InspectedRecord> activities() {
        return activities;
    }

    public ObservableList<InspectedRecord> alerts() {
        return alerts;
    }

    public ObservableList<InspectedRecord> deadLetters() {
        return deadLetters;
    }

    /** Every partition of every consumer group on the tracker's topics; groups with members first. */
    public ObservableList<ConsumerGroupLag> lags() {
        return lags;
    }

    public ReadOnlyStringProperty activitiesTopicProperty() {
        return activitiesTopic.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty alertsTopicProperty() {
        return alertsTopic.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty deadLettersTopicProperty() {
        return deadLettersTopic.getReadOnlyProperty();
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
        return totalLag.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<InspectedRecord> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The selected record whole: where it sits, key, headers, value as indented JSON. */
    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** The dead letter in the inspector. */
    public ReadOnlyObjectProperty<InspectedRecord> letterProperty() {
        return letter.getReadOnlyProperty();
    }

    /** What its {@code dlq.*} headers say, and its other headers. */
    public ReadOnlyStringProperty letterFactsProperty() {
        return letterFacts.getReadOnlyProperty();
    }

    /** Its original bytes as safe text (indented when JSON). */
    public ReadOnlyStringProperty originalProperty() {
        return original.getReadOnlyProperty();
    }

    /** The editor's text: the value to send, as UTF-8. */
    public StringProperty correctionProperty() {
        return correction;
    }

    /** Whether the consumers would accept the correction, and if not why. */
    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty correctionValidProperty() {
        return correctionValid.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sendingProperty() {
        return sending.getReadOnlyProperty();
    }

    /** Corrections sent back since the view opened. */
    public ReadOnlyIntegerProperty resentCountProperty() {
        return resentCount.getReadOnlyProperty();
    }

    /** True when a correction of this dead letter's record (either consumer's copy) was sent back. */
    public boolean resent(InspectedRecord record) {
        return record.deadLetter().map(f -> resentSources.contains(f.source())).orElse(false);
    }

    // ---- Commands ------------------------------------------------------------------------------

    /** Opens a reader on the engine in use (if none is open); says why when the engine is not streaming. */
    public void open() {
        if (tap != null) {
            return;
        }
        int gen;
        synchronized (inboxLock) {
            gen = ++generation;
            inbox.clear();
        }
        try {
            tap = taps.open(batch -> receive(gen, batch));
        } catch (IllegalStateException e) {
            error.set("The engine is not streaming yet: the Kafka view opens once it is");
            return;
        }
        activitiesTopic.set(tap.activitiesTopic());
        alertsTopic.set(tap.alertsTopic());
        deadLettersTopic.set(tap.deadLettersTopic());
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
        synchronized (inboxLock) {
            generation++; // batches still on their way are dropped
            inbox.clear();
        }
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
        String f = filter.get() == null ? "" : filter.get().strip();
        if (tap != null) {
            synchronized (inboxLock) {
                inbox.clear(); // read under the old filter
            }
            activities.clear();
            alerts.clear();
            deadLetters.clear();
            tap.filter(f);
        } else {
            activities.removeIf(r -> !matches(r, f));
            alerts.removeIf(r -> !matches(r, f));
            deadLetters.removeIf(r -> !matches(r, f));
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

    /** Puts a dead letter in the inspector, its original value in the editor. */
    public void inspect(InspectedRecord deadLetter) {
        letter.set(deadLetter);
        if (deadLetter == null) {
            letterFacts.set("");
            original.set("");
            correction.set("");
            return;
        }
        letterFacts.set(facts(deadLetter));
        original.set(deadLetter.value());
        correction.set(editable(deadLetter.rawValue()));
        validate();
    }

    /**
     * Sends the correction to the activities topic when the consumers would accept it; otherwise says
     * why and sends nothing.
     */
    public void resend() {
        InspectedRecord l = letter.get();
        KafkaTap t = tap;
        if (l == null || sending.get()) {
            return;
        }
        if (t == null) {
            error.set("The Kafka view is closed: open it again to send");
            return;
        }
        byte[] value = correction.get().getBytes(StandardCharsets.UTF_8);
        Optional<String> why = t.check(l, value);
        if (why.isPresent()) {
            correctionValid.set(false);
            verdict.set("Not sent: " + why.get());
            return;
        }
        sending.set(true);
        verdict.set("Sending…");
        CompletableFuture<String> sent;
        try {
            sent = t.resend(l, value);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((where, failure) -> ui.execute(() -> sent(l, where, failure)));
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
                                + cause(failure).getMessage());
                    } else {
                        status.set(
                                "Sent a purchase without an amount to " + where + ": watch it arrive as a dead letter");
                    }
                }));
    }

    /** Writes the alerts the console has received to {@code file}, in the background. */
    public CompletableFuture<Path> exportAlerts(Path file, AlertExport.Format format) {
        List<FraudAlert> snapshot = List.copyOf(alertFeed.get());
        status.set("Exporting " + alertCount(snapshot.size()) + "…");
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
                error.set("Could not export the alerts: " + cause(failure).getMessage());
                updateStatus();
            } else {
                status.set(alertCount(snapshot.size()) + " exported to " + path);
            }
        }));
        return done;
    }

    // ---- Batches from the reader's thread --------------------------------------------------------

    /**
     * Called on the reader's thread: queues the batch and asks {@code ui} for one drain at a time, no
     * sooner than {@link #UI_EVERY} after the last (the wait on the JDK's shared delay thread).
     */
    private void receive(int gen, InspectorBatch batch) {
        long wait;
        synchronized (inboxLock) {
            if (gen != generation) {
                return;
            }
            inbox.add(batch);
            if (drainScheduled) {
                return;
            }
            drainScheduled = true;
            wait = lastDrain + uiEveryNanos - System.nanoTime();
        }
        if (wait <= 0) {
            ui.execute(this::drain);
        } else {
            CompletableFuture.delayedExecutor(wait, java.util.concurrent.TimeUnit.NANOSECONDS, ui)
                    .execute(this::drain);
        }
    }

    /**
     * Applies what is queued. Only batches of the reader open now are queued: a new reader, closing and
     * a new filter empty the queue, so a drain asked for earlier finds nothing stale.
     */
    private void drain() {
        List<InspectorBatch> batches;
        synchronized (inboxLock) {
            batches = inbox;
            inbox = new ArrayList<>();
            drainScheduled = false;
            lastDrain = System.nanoTime();
        }
        if (batches.isEmpty()) {
            return;
        }
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
        b.lags().ifPresent(l -> {
            if (!lags.equals(l) || totalLag.get().isEmpty()) { // an idle engine's lags read again change no row
                lags.setAll(l);
                totalLag.set(summariseLag(l));
            }
        });
        for (Map.Entry<String, Long> e : b.read().entrySet()) {
            int i = index(e.getKey());
            if (i >= 0) {
                read[i] += e.getValue();
            }
        }
        if (paused.get()) {
            return; // records already on their way when the presenter paused
        }
        String f = filter.get() == null ? "" : filter.get().strip();
        b.records().forEach((topic, records) -> {
            int i = index(topic);
            if (i < 0) {
                return;
            }
            List<InspectedRecord> newestFirst = new ArrayList<>(records.size());
            for (int k = records.size() - 1; k >= 0; k--) {
                if (matches(records.get(k), f)) {
                    newestFirst.add(records.get(k));
                }
            }
            ObservableList<InspectedRecord> list = i == 0 ? activities : i == 1 ? alerts : deadLetters;
            prepend(list, newestFirst);
        });
    }

    /**
     * Adds the newest at the top and keeps {@link #MAX_ROWS}, in one change: the view's rows follow a batch
     * in one step rather than shrinking and growing again.
     */
    static void prepend(ObservableList<InspectedRecord> list, List<InspectedRecord> newestFirst) {
        if (newestFirst.isEmpty()) {
            return;
        }
        List<InspectedRecord> top = newestFirst.size() > MAX_ROWS ? newestFirst.subList(0, MAX_ROWS) : newestFirst;
        int keep = Math.min(list.size(), MAX_ROWS - top.size());
        if (keep < list.size()) {
            List<InspectedRecord> rows = new ArrayList<>(top.size() + keep);
            rows.addAll(top);
            rows.addAll(list.subList(0, keep));
            list.setAll(rows);
        } else {
            list.addAll(0, top);
        }
    }

    private int index(String topic) {
        if (topic.equals(activitiesTopic.get())) {
            return 0;
        }
        if (topic.equals(alertsTopic.get())) {
            return 1;
        }
        return topic.equals(deadLettersTopic.get()) ? 2 : -1;
    }

    private static boolean matches(InspectedRecord r, String filter) {
        return filter.isEmpty() || r.key().contains(filter);
    }

    private void sent(InspectedRecord l, String where, Throwable failure) {
        sending.set(false);
        if (failure != null) {
            Throwable cause = cause(failure);
            if (cause instanceof KafkaInspector.InvalidCorrectionException) {
                verdict.set("Not sent: " + cause.getMessage());
            } else {
                verdict.set("Could not send it: " + cause.getMessage());
            }
            return;
        }
        l.deadLetter().ifPresent(f -> resentSources.add(f.source()));
        resentCount.set(resentCount.get() + 1);
        verdict.set("Sent to " + where + ": the consumers read it as a new event");
    }

    private void validate() {
        InspectedRecord l = letter.get();
        KafkaTap t = tap;
        if (l == null || t == null) {
            correctionValid.set(false);
            verdict.set(l == null ? "" : "Open the Kafka view to check a correction");
            return;
        }
        Optional<String> why = t.check(l, correction.get().getBytes(StandardCharsets.UTF_8));
        correctionValid.set(why.isEmpty());
        verdict.set(why.map(w -> "Still invalid: " + w).orElse("Valid: the consumers will accept it"));
    }

    private void updateStatus() {
        String f = filter.get() == null ? "" : filter.get().strip();
        String state = tap == null ? "Closed" : paused.get() ? "Paused" : "Live";
        status.set(state + " · read " + Formats.count(read[0]) + " activities, " + Formats.count(read[1])
                + " alerts, " + Formats.count(read[2]) + " dead letters"
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

    /**
     * The value to edit: indented when it is JSON that reads back the same (no key twice, numbers kept
     * as written), else its bytes as UTF-8 text as they are.
     */
    static String editable(byte[] raw) {
        if (raw == null) {
            return "";
        }
        String text = new String(raw, StandardCharsets.UTF_8);
        try {
            com.fasterxml.jackson.databind.JsonNode node = EDITOR_JSON.readTree(raw);
            if (node != null && node.isObject()) {
                return EDITOR_JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
            }
        } catch (IOException e) {
            // not JSON the editor can indent: shown as it is
        }
        return text;
    }

    private static String facts(InspectedRecord r) {
        StringBuilder s = new StringBuilder();
        r.deadLetter().ifPresent(f -> {
            s.append("Why:          ").append(f.error()).append('\n');
            s.append("Rejected by:  ").append(f.consumer()).append('\n');
            s.append("Read at:      ").append(f.source()).append('\n');
            s.append("Dead letter:  ").append(f.place()).append('\n');
        });
        s.append("Key:          ")
                .append(r.key().isEmpty() ? "(none)" : r.key())
                .append('\n');
        s.append("Headers:");
        for (InspectedRecord.Header h : r.headers()) {
            s.append('\n').append(String.format(Locale.ROOT, "  %-22s %s", h.name(), h.text()));
        }
        return s.toString();
    }

    /** The record's time on the console's clock, e.g. 10:30:45.123. */
    public String time(long epochMillis) {
        return timeFormat.format(Instant.ofEpochMilli(epochMillis));
    }

    private static String summariseLag(List<ConsumerGroupLag> rows) {
        Map<String, Long> byGroup = new java.util.LinkedHashMap<>();
        for (ConsumerGroupLag r : rows) {
            if (r.members() > 0) {
                byGroup.merge(r.group(), r.lag(), Long::sum);
            }
        }
        if (byGroup.isEmpty()) {
            return "No consumer group is reading";
        }
        List<String> parts = new ArrayList<>();
        byGroup.forEach((g, lag) -> parts.add(g + " lag " + Formats.count(lag)));
        return String.join(" · ", parts);
    }

    private static String alertCount(int n) {
        return n == 1 ? "1 alert" : Formats.count(n) + " alerts";
    }

    private static Throwable cause(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }
}
