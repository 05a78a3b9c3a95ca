package com.activitytracker.engine.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.activitytracker.engine.event.ActivityEventCodec;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class DeadLetterRepairTest {
    private static final String PURCHASE = "{\"event_id\":\"e-1\",\"event_type\":\"purchase\",\"user_id\":\"u-7\","
            + "\"timestamp\":\"2026-11-26T10:30:45.123Z\"}";

    private static DeadLetter letter(String value) {
        return DeadLetter.of(new ConsumerRecord<>(
                "dlq", 0, 3, "u-7".getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aRecordStillBreakingTheContractStaysWithTheCodecsReason() {
        DeadLetterRepair.Verdict verdict = new DeadLetterRepair(new ActivityEventCodec()).check(letter(PURCHASE));
        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.stillInvalid()).containsIgnoringCase("amount");
    }

    @Test
    void aCorrectionIsTypedAsJsonAndMakesItValid() {
        DeadLetterRepair repair = new DeadLetterRepair(new ActivityEventCodec())
                .set("amount=19.99")
                .set("geo.country=US");
        DeadLetterRepair.Verdict verdict = repair.check(letter(PURCHASE));
        assertThat(verdict.valid()).isTrue();
        assertThat(new String(verdict.value(), StandardCharsets.UTF_8))
                .contains("\"amount\":19.99", "\"geo\":{\"country\":\"US\"}");
    }

    @Test
    void whatIsNotAJsonObjectCannotBeCorrected() {
        DeadLetterRepair.Verdict verdict =
                new DeadLetterRepair(new ActivityEventCodec()).set("amount=1").check(letter("[1,2]"));
        assertThat(verdict.stillInvalid()).startsWith("cannot correct it: it is not a JSON object");
    }

    @Test
    void aCorrectionNeedsFieldEqualsValue() {
        assertThatThrownBy(() -> new DeadLetterRepair(new ActivityEventCodec()).set("amount"))
                .hasMessage("a correction is field=value, got 'amount'");
    }

    @Test
    void withoutHeadersTheDeadLetterNamesItself() {
        assertThat(letter(PURCHASE).source()).isEqualTo("dead letter dlq/0@3");
    }
}
