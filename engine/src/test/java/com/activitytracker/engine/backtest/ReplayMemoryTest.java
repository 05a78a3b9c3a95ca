package com.activitytracker.engine.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.activitytracker.engine.fraud.FraudDetector;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ReplayMemoryTest {
    private static final long MB = 1024 * 1024;

    @Test
    void aLargeHeapGivesEachSideTheLiveDetectorsCap() {
        assertThat(ReplayMemory.usersPerSide(4096 * MB, 400 * MB)).isEqualTo(FraudDetector.DEFAULT_MAX_TRACKED_USERS);
    }

    @Test
    void eachSideGetsHalfOfWhatIsFreeBeyondTheYoungReserve() {
        // 512 MB, 200 MB held: 512 - 200 - 128 = 184 MB free, 92 MB a side
        int users = ReplayMemory.usersPerSide(512 * MB, 200 * MB);

        assertThat(users).isEqualTo((int) (92 * MB / ReplayMemory.BYTES_PER_USER));
        assertThat(2 * users * ReplayMemory.BYTES_PER_USER).isLessThanOrEqualTo(184 * MB);
    }

    @Test
    void aNearlyFullHeapStillLeavesTheRecentlyActiveUsers() {
        assertThat(ReplayMemory.usersPerSide(512 * MB, 500 * MB)).isEqualTo(ReplayMemory.MIN_USERS);
        assertThat(ReplayMemory.usersPerSide(512 * MB, 600 * MB)).isEqualTo(ReplayMemory.MIN_USERS);
    }

    @Test
    void thisJvmsBudgetIsWithinTheBounds() {
        assertThat(ReplayMemory.usersPerSide())
                .isBetween(ReplayMemory.MIN_USERS, FraudDetector.DEFAULT_MAX_TRACKED_USERS);
    }
}
