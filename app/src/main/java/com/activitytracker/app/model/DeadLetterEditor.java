package com.activitytracker.app.model;

import com.activitytracker.engine.observability.InspectedRecord;
import com.activitytracker.engine.observability.KafkaInspector;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Kafka view's dead-letter inspector and its correction editor: the letter being looked at, what its
 * {@code dlq.*} headers say, its original bytes, the presenter's correction with the consumers' verdict on
 * it, and the sending of a valid one back to the activities topic. It is its own class because it has a
 * state and rules of its own (checked on every edit, sent once at a time, remembered once sent) that have
 * nothing to do with how the records arrive; it asks the reader open now ({@link KafkaTap}) to check and
 * send, and reports a closed view through the owner's error line.
 */
public final class DeadLetterEditor {
    private static final ObjectMapper EDITOR_JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private final Supplier<KafkaTap> reader;
    private final Executor ui;
    private final Consumer<String> error;

    private final ReadOnlyObjectWrapper<InspectedRecord> letter = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper letterFacts = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper original = new ReadOnlyStringWrapper("");
    private final StringProperty correction = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper correctionValid = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper sending = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper resentCount = new ReadOnlyIntegerWrapper();
    private final Set<String> resentSources = new HashSet<>();

    /**
     * @param reader the reader open now, or null while the view is closed
     * @param ui     runs on the FX thread (Platform::runLater in the app)
     * @param error  shows a problem in the view's error line
     */
    DeadLetterEditor(Supplier<KafkaTap> reader, Executor ui, Consumer<String> error) {
        this.reader = Objects.requireNonNull(reader);
        this.ui = Objects.requireNonNull(ui);
        this.error = Objects.requireNonNull(error);
        correction.addListener((obs, old, text) -> validate());
    }

    // ---- Properties ----------------------------------------------------------------------------

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
        KafkaTap t = reader.get();
        if (l == null || sending.get()) {
            return;
        }
        if (t == null) {
            error.accept("The Kafka view is closed: open it again to send");
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

    private void sent(InspectedRecord l, String where, Throwable failure) {
        sending.set(false);
        if (failure != null) {
            Throwable cause = Failures.cause(failure);
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
        KafkaTap t = reader.get();
        if (l == null || t == null) {
            correctionValid.set(false);
            verdict.set(l == null ? "" : "Open the Kafka view to check a correction");
            return;
        }
        Optional<String> why = t.check(l, correction.get().getBytes(StandardCharsets.UTF_8));
        correctionValid.set(why.isEmpty());
        verdict.set(why.map(w -> "Still invalid: " + w).orElse("Valid: the consumers will accept it"));
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
            JsonNode node = EDITOR_JSON.readTree(raw);
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
}
