package com.activitytracker.engine.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class InspectedRecordsTest {
    private final InspectedRecords records = new InspectedRecords("alerts", "activities.dlq");

    private static ConsumerRecord<byte[], byte[]> record(String topic, String value, RecordHeaders headers) {
        return new ConsumerRecord<>(
                topic,
                2,
                41,
                1_700_000_000_000L,
                TimestampType.CREATE_TIME,
                -1,
                -1,
                "u-7".getBytes(StandardCharsets.UTF_8),
                value == null ? null : value.getBytes(StandardCharsets.UTF_8),
                headers,
                Optional.empty());
    }

    private String summary(String topic, String value) {
        return records.of(record(topic, value, new RecordHeaders())).summary();
    }

    @Test
    void anActivityIsSummedUpByTypeAmountAndPage() {
        assertThat(summary("activities", "{\"event_type\":\"purchase\",\"amount\":12.5,\"currency\":\"EUR\"}"))
                .isEqualTo("purchase 12.5 EUR");
        assertThat(summary("activities", "{\"event_type\":\"purchase\",\"amount\":3}"))
                .isEqualTo("purchase 3 USD");
        assertThat(summary("activities", "{\"event_type\":\"page_view\",\"page\":\"/cart\"}"))
                .isEqualTo("page_view  /cart");
        assertThat(summary("activities", "{}")).isEqualTo("?");
    }

    @Test
    void anAlertIsSummedUpBySeverityAndRule() {
        assertThat(summary("alerts", "{\"severity\":\"HIGH\",\"rule\":\"velocity\",\"description\":\"9 in 1 min\"}"))
                .isEqualTo("HIGH velocity: 9 in 1 min");
    }

    @Test
    void whatIsNoJsonObjectSaysSo() {
        assertThat(summary("activities", null)).isEqualTo("(tombstone)");
        assertThat(summary("activities", "[1,2]")).isEqualTo("not a JSON object (5 bytes)");
        assertThat(summary("activities", "{oops")).isEqualTo("not JSON (5 bytes)");
    }

    @Test
    void aDeadLetterShowsWhyAndWhereFromAndKeepsItsBytes() {
        RecordHeaders h = new RecordHeaders();
        h.add(DeadLetter.ERROR, "purchase without amount".getBytes(StandardCharsets.UTF_8));
        h.add(DeadLetter.CONSUMER, "fraud".getBytes(StandardCharsets.UTF_8));
        h.add(DeadLetter.SOURCE_TOPIC, "activities".getBytes(StandardCharsets.UTF_8));
        h.add(DeadLetter.SOURCE_PARTITION, "3".getBytes(StandardCharsets.UTF_8));
        h.add(DeadLetter.SOURCE_OFFSET, "1042".getBytes(StandardCharsets.UTF_8));
        h.add("empty", null);
        String value = "{\"event_type\":\"purchase\"}";

        InspectedRecord letter = records.of(record("activities.dlq", value, h));

        assertThat(letter.summary()).isEqualTo("purchase without amount");
        assertThat(letter.deadLetter())
                .contains(new InspectedRecord.DeadLetterFacts(
                        "purchase without amount", "fraud", "activities/3@1042", "activities.dlq/2@41"));
        assertThat(letter.place()).isEqualTo("activities.dlq/2@41");
        assertThat(letter.key()).isEqualTo("u-7");
        assertThat(letter.value()).isEqualTo("{\n  \"event_type\" : \"purchase\"\n}");
        assertThat(letter.rawValue()).isEqualTo(value.getBytes(StandardCharsets.UTF_8));
        assertThat(letter.headers()).last().satisfies(e -> {
            assertThat(e.name()).isEqualTo("empty");
            assertThat(e.text()).isEqualTo("(null)");
            assertThat(e.raw()).isEmpty();
        });
    }

    @Test
    void aRecordOutsideTheDeadLetterTopicHasNoDeadLetterFacts() {
        RecordHeaders h = new RecordHeaders();
        h.add(DeadLetter.ERROR, "looks like one".getBytes(StandardCharsets.UTF_8));
        InspectedRecord r = records.of(record("activities", "{\"event_type\":\"login\"}", h));
        assertThat(r.deadLetter()).isEmpty();
        assertThat(r.summary()).isEqualTo("login");
    }
}
