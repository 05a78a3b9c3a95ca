package com.activitytracker.engine.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class Hash64Test {

    @Test
    void similarIdsGetDistinctHashes() {
        Set<Long> hashes = new HashSet<>();
        for (int i = 0; i < 1_000_000; i++) {
            hashes.add(Hash64.of("user-" + i));
        }

        assertThat(hashes).hasSize(1_000_000);
    }

    @Test
    void everyBitIsSetForAboutHalfOfTheIds() {
        int ids = 100_000;
        int[] ones = new int[64];
        for (int i = 0; i < ids; i++) {
            long hash = Hash64.of("user-" + i);
            for (int bit = 0; bit < 64; bit++) {
                ones[bit] += (int) ((hash >>> bit) & 1);
            }
        }

        for (int bit = 0; bit < 64; bit++) {
            assertThat(ones[bit]).as("bit %d", bit).isBetween(49_000, 51_000);
        }
    }

    @Test
    void sameTextSameHashWhateverTheInstance() {
        String a = "sess-88a1";
        String b = new StringBuilder("sess-").append("88a1").toString();

        assertThat(Hash64.of(a)).isEqualTo(Hash64.of(b));
        assertThat(Hash64.of("")).isNotEqualTo(Hash64.of("\0"));
    }
}
