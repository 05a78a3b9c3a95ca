package com.activitytracker.engine.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.activitytracker.engine.event.ActivityEventCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class OutgoingRecordTest {
    private static InspectedRecord letter() {
        return new InspectedRecord(
                "activities.dlq",
                0,
                7,
                1L,
                "u-7",
                List.of(
                        new InspectedRecord.Header("trace-id", "t-1", "t-1".getBytes(StandardCharsets.UTF_8)),
                        new InspectedRecord.Header(DeadLetter.ERROR, "bad", "bad".getBytes(StandardCharsets.UTF_8)),
                        new InspectedRecord.Header(DeadLetter.CONSUMER, "fraud", new byte[] {'f'})),
                "{}",
                "bad",
                "u-7".getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8),
                Optional.of(new InspectedRecord.DeadLetterFacts(
                        "bad", "fraud", "activities/3@1042", "activities.dlq/0@7")));
    }

    @Test
    void aCorrectionKeepsTheKeyAndHeadersButTheDeadLetterOnesAndSaysWhereItCameFrom() {
        byte[] corrected = "{\"amount\":1}".getBytes(StandardCharsets.UTF_8);
        OutgoingRecord r = OutgoingRecord.correction(letter(), corrected);
        corrected[0] = 'X';

        assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo("u-7");
        assertThat(new String(r.value(), StandardCharsets.UTF_8))
                .as("a copy: the caller's array may change")
                .isEqualTo("{\"amount\":1}");
        assertThat(r.headers().toArray()).extracting(Header::key).containsExactly("trace-id", DeadLetter.REPLAYED_FROM);
        assertThat(new String(r.headers().lastHeader(DeadLetter.REPLAYED_FROM).value(), StandardCharsets.UTF_8))
                .isEqualTo("activities.dlq/0@7");
        assertThat(r.what()).isEqualTo("activities.dlq/0@7");
        assertThat(r.result()).isNotDone();
    }

    @Test
    void theDemonstrationsPurchaseLacksOnlyItsAmount() {
        OutgoingRecord r = OutgoingRecord.brokenPurchase("u-9");
        assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo("u-9");
        assertThat(r.headers().toArray()).isEmpty();

        DeadLetter asRead = DeadLetter.of(new ConsumerRecord<>("activities", 0, 0, r.key(), r.value()));
        DeadLetterRepair.Verdict refused = new DeadLetterRepair(new ActivityEventCodec()).check(asRead);
        assertThat(refused.valid()).isFalse();
        assertThat(refused.stillInvalid()).containsIgnoringCase("amount");
        assertThat(new DeadLetterRepair(new ActivityEventCodec())
                        .set("amount=12.5")
                        .check(asRead)
                        .valid())
                .isTrue();
    }
}
