package com.activitytracker.engine.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class RecordTextTest {
    private final RecordText text = new RecordText();

    @Test
    void jsonIsIndented() {
        assertThat(text.value("{\"user_id\":\"u-1\",\"amount\":12.5}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("{\n  \"user_id\" : \"u-1\",\n  \"amount\" : 12.5\n}");
    }

    @Test
    void terminalEscapesInsideJsonStringsAreShownNotObeyed() {
        assertThat(text.value("{\"page\":\"\\u001b[2J\"}".getBytes(StandardCharsets.UTF_8)))
                .containsIgnoringCase("\\u001b[2J")
                .doesNotContain("\u001b");
    }

    @Test
    void invalidUtf8IsShownByteByByte() {
        byte[] bytes = {'o', 'k', (byte) 0xff, 0x00, '\\'};
        assertThat(RecordText.safe(bytes, 100)).isEqualTo("ok\\xff\\x00\\x5c");
    }

    @Test
    void bidirectionalOverridesAreEscaped() {
        assertThat(RecordText.safe("a\u202Eb".getBytes(StandardCharsets.UTF_8), 100))
                .isEqualTo("a\\u202eb");
    }

    @Test
    void longValuesAreCutWithTheCountOfWhatIsLeft() {
        assertThat(RecordText.safe("abcdef".getBytes(StandardCharsets.UTF_8), 4))
                .isEqualTo("abcd… (2 more bytes)");
    }
}
