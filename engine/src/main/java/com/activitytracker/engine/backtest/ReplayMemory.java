package com.activitytracker.engine.backtest;

import com.activitytracker.engine.fraud.FraudDetector;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * How many users each of a replay's two fraud detectors may keep, from the heap left when it starts.
 *
 * <p>A replay runs beside the live engine, in the same JVM: at the top of the rate slider the live
 * detector (at its own cap), the generator's open sessions and the Kafka clients already hold ~330 MB
 * after a full collection, and two more detectors at the live cap (about 175 MB each when full) may not
 * fit beside them in the heap the app was given. So each side gets the users that fit in half of what is
 * free, less a reserve for the young generation, between {@link #MIN_USERS} and the live detector's cap.
 * Past it, a detector forgets its least recently active user first, as the live one does past its cap,
 * and the report says how often it had to.
 */
public final class ReplayMemory {
    /**
     * Heap per tracked user at the cap: its record, its rule windows and its id (docs/BENCHMARKS.md,
     * "Fraud detector per-user state", and a histogram at 44,000 events/s: about 670 bytes).
     */
    static final long BYTES_PER_USER = 700;

    /** Enough for the users active in the last few seconds at the top rate, where attackers are. */
    static final int MIN_USERS = 10_000;

    private ReplayMemory() {}

    /** Users per side for this JVM now: its largest heap and what its old generation holds. */
    public static int usersPerSide() {
        return usersPerSide(Runtime.getRuntime().maxMemory(), tenured());
    }

    /**
     * @param maxHeap the largest the heap may grow
     * @param tenured what long-lived objects hold now (garbage not yet collected included, so this errs
     *                on the small side)
     */
    static int usersPerSide(long maxHeap, long tenured) {
        long youngReserve = maxHeap / 4;
        long free = maxHeap - tenured - youngReserve;
        long users = Math.max(0, free) / 2 / BYTES_PER_USER;
        return (int) Math.max(MIN_USERS, Math.min(FraudDetector.DEFAULT_MAX_TRACKED_USERS, users));
    }

    /** Heap in use outside the young generation: G1's, Parallel's or Serial's old generation. */
    private static long tenured() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            String name = pool.getName();
            if (pool.getType() == MemoryType.HEAP && !name.contains("Eden") && !name.contains("Survivor")) {
                used += pool.getUsage().getUsed();
            }
        }
        return used;
    }
}
