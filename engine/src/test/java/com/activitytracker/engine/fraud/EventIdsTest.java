package com.activitytracker.engine.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class EventIdsTest {
    private final long[] packed = {7, 7, 7};

    @Test
    void aCanonicalUuidComesBackAsTheSameString() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 10_000; i++) {
            String id = new UUID(random.nextLong(), random.nextLong()).toString();

            assertThat(EventIds.pack(id, packed, 1)).isTrue();
            assertThat(EventIds.unpack(packed[1], packed[2])).isEqualTo(id);
        }
        for (String edge :
                new String[] {"ffffffff-ffff-ffff-ffff-ffffffffffff", "00000000-0000-0000-0000-000000000000"}) {
            assertThat(EventIds.pack(edge, packed, 0)).isTrue();
            assertThat(EventIds.unpack(packed[0], packed[1])).isEqualTo(edge);
        }
    }

    @Test
    void idsThatWouldNotComeBackTheSameAreNotPackedAndLeaveTheArrayAlone() {
        assertThat(EventIds.pack("evt-1", packed, 0)).isFalse();
        assertThat(EventIds.pack(null, packed, 0)).isFalse();
        assertThat(EventIds.pack("3F2504E0-4F89-11D3-9A0C-0305E82C3301", packed, 0)) // uppercase
                .isFalse();
        assertThat(EventIds.pack("3f2504e0-4f89-11d3-9a0c-0305e82c33011", packed, 0)) // 37 characters
                .isFalse();
        assertThat(EventIds.pack("3f2504e04f89-11d3-9a0c-0305e82c33011", packed, 0)) // a hyphen moved
                .isFalse();
        assertThat(EventIds.pack("3f2504e0-4f89-11d3-9a0c-0305e82c330g", packed, 0))
                .isFalse();
        assertThat(packed).containsExactly(7, 7, 7);
        assertThat(EventIds.pack("3f2504e0-4f89-11d3-9a0c-0305e82c3301", packed, 0))
                .isTrue();
    }

    @Test
    void anyCharacterButALowercaseHexDigitAtAnyDigitPositionIsNotPacked() {
        String id = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
        for (int at = 0; at < id.length(); at++) {
            if (id.charAt(at) == '-') {
                continue;
            }
            for (char c : new char[] {'g', 'A', 'F', '-', ' ', '/', ':', '`', 'é', '\u0660', '\uff10'}) {
                String changed = id.substring(0, at) + c + id.substring(at + 1);
                assertThat(EventIds.pack(changed, packed, 0)).as(changed).isFalse();
            }
        }
        assertThat(packed).containsExactly(7, 7, 7);
    }
}
