package com.activitytracker.engine.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class EventIdsTest {

    @Test
    void aCanonicalUuidComesBackAsTheSameString() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 10_000; i++) {
            String id = new UUID(random.nextLong(), random.nextLong()).toString();

            assertThat(EventIds.packable(id)).isTrue();
            assertThat(EventIds.unpack(EventIds.high(id), EventIds.low(id))).isEqualTo(id);
        }
        String edges = "ffffffff-ffff-ffff-ffff-ffffffffffff";
        assertThat(EventIds.unpack(EventIds.high(edges), EventIds.low(edges))).isEqualTo(edges);
        String zeros = "00000000-0000-0000-0000-000000000000";
        assertThat(EventIds.unpack(EventIds.high(zeros), EventIds.low(zeros))).isEqualTo(zeros);
    }

    @Test
    void idsThatWouldNotComeBackTheSameAreNotPacked() {
        assertThat(EventIds.packable("evt-1")).isFalse();
        assertThat(EventIds.packable("3F2504E0-4F89-11D3-9A0C-0305E82C3301")).isFalse(); // uppercase
        assertThat(EventIds.packable("3f2504e0-4f89-11d3-9a0c-0305e82c33011")).isFalse(); // 37 chars
        assertThat(EventIds.packable("3f2504e04f89-11d3-9a0c-0305e82c33011")).isFalse(); // hyphen moved
        assertThat(EventIds.packable("3f2504e0-4f89-11d3-9a0c-0305e82c330g")).isFalse();
        assertThat(EventIds.packable("3f2504e0-4f89-11d3-9a0c-0305e82c3301")).isTrue();
    }
}
