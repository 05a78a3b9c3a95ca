package com.activitytracker.app.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.activitytracker.engine.observability.InspectedRecord;
import com.activitytracker.engine.observability.KafkaInspector;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class DeadLetterEditorTest {
    static final String BAD = "{\"event_type\":\"purchase\",\"user_id\":\"u-7\"}";

    private final FakeTap tap = new FakeTap();
    private KafkaTap open = tap;
    private final List<Runnable> uiQueue = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final DeadLetterEditor editor = new DeadLetterEditor(() -> open, uiQueue::add, errors::add);

    /** The dead letter {@code consumer} wrote for a purchase without an amount read at acts/3@42. */
    static InspectedRecord letter(String consumer) {
        return new InspectedRecord(
                "acts.dlq",
                0,
                consumer.equals("fraud") ? 1 : 0,
                1_700_000_000_123L,
                "u-7",
                List.of(new InspectedRecord.Header("dlq.error", "purchase without 'amount'", new byte[0])),
                BAD,
                "purchase without 'amount'",
                "u-7".getBytes(StandardCharsets.UTF_8),
                BAD.getBytes(StandardCharsets.UTF_8),
                Optional.of(new InspectedRecord.DeadLetterFacts(
                        "purchase without 'amount'", consumer, "acts/3@42", "acts.dlq/0@0")));
    }

    private void runUi() {
        List<Runnable> now = new ArrayList<>(uiQueue);
        uiQueue.clear();
        now.forEach(Runnable::run);
    }

    @Test
    void aSecondDeadLetterOfTheSameRecordIsMarkedResentOnceOneWasSent() {
        InspectedRecord analytics = letter("analytics");
        InspectedRecord fraud = letter("fraud");
        editor.inspect(analytics);

        assertThat(editor.letterFactsProperty().get())
                .contains("Why:          purchase without 'amount'")
                .contains("Rejected by:  analytics")
                .contains("Read at:      acts/3@42")
                .contains("dlq.error");
        assertThat(editor.correctionProperty().get()).contains("\"event_type\" : \"purchase\"");
        assertThat(editor.correctionValidProperty().get()).isFalse();
        assertThat(editor.verdictProperty().get()).isEqualTo("Still invalid: purchase without 'amount'");

        editor.resend();
        assertThat(tap.sent).as("an invalid correction sends nothing").isEmpty();
        assertThat(editor.verdictProperty().get()).startsWith("Not sent: ");

        editor.correctionProperty().set(BAD.replace("}", ",\"amount\":12.5}"));
        assertThat(editor.correctionValidProperty().get()).isTrue();
        assertThat(editor.verdictProperty().get()).startsWith("Valid");
        editor.resend();
        assertThat(tap.sent).hasSize(1);
        assertThat(editor.sendingProperty().get()).isTrue();
        editor.resend();
        assertThat(tap.sent).as("one send at a time").hasSize(1);
        tap.sendResult.complete("acts/3@77");
        assertThat(editor.sendingProperty().get())
                .as("the outcome is shown on the ui thread")
                .isTrue();
        runUi();

        assertThat(editor.sendingProperty().get()).isFalse();
        assertThat(editor.verdictProperty().get()).startsWith("Sent to acts/3@77");
        assertThat(editor.resentCountProperty().get()).isEqualTo(1);
        assertThat(editor.resent(fraud))
                .as("the other consumer's copy of the same record")
                .isTrue();
    }

    @Test
    void aRefusedSendSaysWhy() {
        editor.inspect(letter("fraud"));
        editor.correctionProperty().set(BAD.replace("}", ",\"amount\":12.5}"));
        editor.resend();
        tap.sendResult.completeExceptionally(new KafkaInspector.InvalidCorrectionException("bad timestamp"));
        runUi();
        assertThat(editor.verdictProperty().get()).isEqualTo("Not sent: bad timestamp");
        assertThat(editor.resentCountProperty().get()).isZero();
        assertThat(editor.resent(letter("analytics"))).isFalse();
    }

    @Test
    void withNoReaderOpenNothingIsCheckedOrSent() {
        open = null;
        editor.inspect(letter("fraud"));
        assertThat(editor.correctionValidProperty().get()).isFalse();
        assertThat(editor.verdictProperty().get()).isEqualTo("Open the Kafka view to check a correction");

        editor.resend();
        assertThat(tap.sent).isEmpty();
        assertThat(errors).containsExactly("The Kafka view is closed: open it again to send");
    }

    @Test
    void noLetterEmptiesTheInspector() {
        editor.inspect(letter("fraud"));
        editor.inspect(null);
        assertThat(editor.letterProperty().get()).isNull();
        assertThat(editor.letterFactsProperty().get()).isEmpty();
        assertThat(editor.originalProperty().get()).isEmpty();
        assertThat(editor.correctionProperty().get()).isEmpty();
        assertThat(editor.verdictProperty().get()).isEmpty();
        assertThat(editor.correctionValidProperty().get()).isFalse();
    }

    @Test
    void theEditorIndentsJsonButKeepsWhatItCannotReadBackTheSame() {
        assertThat(DeadLetterEditor.editable("{\"a\":1.10}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("{\n  \"a\" : 1.10\n}");
        assertThat(DeadLetterEditor.editable("{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8)))
                .as("a key given twice stays as it was, so the editor does not hide the error")
                .isEqualTo("{\"a\":1,\"a\":2}");
        assertThat(DeadLetterEditor.editable("{\"a\":1} trailing".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("{\"a\":1} trailing");
        assertThat(DeadLetterEditor.editable("not json".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("not json");
        assertThat(DeadLetterEditor.editable(null)).isEmpty();
    }
}
