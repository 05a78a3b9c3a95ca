package com.activitytracker.engine.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class UserDirectoryTest {

    @Test
    void scrambleGivesEverySlotItsOwnNumber() {
        BitSet seen = new BitSet(UserDirectory.ID_SPACE);
        for (int slot = 0; slot < UserDirectory.ID_SPACE; slot++) {
            int n = UserDirectory.scramble(slot, 0x5eed);
            assertThat(n).isBetween(0, UserDirectory.ID_SPACE - 1);
            seen.set(n);
        }
        assertThat(seen.cardinality()).isEqualTo(UserDirectory.ID_SPACE);
    }

    @Test
    void aUserIsTheSamePersonOnEveryVisit() {
        UserDirectory directory = new UserDirectory(99, new Geography(), new DeviceMix());
        assertThat(directory.ordinary(1234)).isEqualTo(directory.ordinary(1234));
        assertThat(directory.ordinary(1234).userId())
                .isNotEqualTo(directory.ordinary(1235).userId());
    }

    @Test
    void ordinaryAndScenarioIdsComeFromDisjointRanges() {
        UserDirectory directory = new UserDirectory(99, new Geography(), new DeviceMix());
        for (int i = 0; i < 10_000; i++) {
            assertThat(UserDirectory.isScenarioUserId(directory.ordinary(i).userId()))
                    .isFalse();
            assertThat(UserDirectory.isScenarioUserId(directory.scenarioUser(i).userId()))
                    .isTrue();
        }
    }
}
