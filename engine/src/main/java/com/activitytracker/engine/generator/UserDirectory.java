package com.activitytracker.engine.generator;

import java.util.SplittableRandom;

/**
 * Turns user numbers into ids and profiles. A profile is derived from the seed and the number
 * alone, so a returning user keeps their country and devices without the generator remembering
 * anyone: memory stays flat however many users have come by.
 *
 * <p>Ordinary users and scenario users get ids from two disjoint ranges of the same eight-digit
 * shape, so an injected attacker looks like any other user but never collides with one.
 */
final class UserDirectory {
    /** Ordinary user numbers are scrambled within this many values. */
    static final int ID_SPACE = 1 << 24;

    private static final int MASK = ID_SPACE - 1;
    private static final long ORDINARY_BASE = 10_000_000L;
    private static final long SCENARIO_BASE = 30_000_000L;
    private static final double ACCOUNT_SHARE = 0.6;

    private final long key;
    private final Geography geography;
    private final DeviceMix devices;

    UserDirectory(long key, Geography geography, DeviceMix devices) {
        this.key = key;
        this.geography = geography;
        this.devices = devices;
    }

    UserProfile ordinary(int slot) {
        return profile("user-" + (ORDINARY_BASE + scramble(slot, (int) key)));
    }

    UserProfile scenarioUser(int serial) {
        return profile("user-" + (SCENARIO_BASE + scramble(serial, (int) (key >>> 32))));
    }

    static boolean isScenarioUserId(String userId) {
        if (!userId.startsWith("user-")) {
            return false;
        }
        try {
            long n = Long.parseLong(userId.substring(5));
            return n >= SCENARIO_BASE && n < SCENARIO_BASE + ID_SPACE;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private UserProfile profile(String userId) {
        SplittableRandom random = new SplittableRandom(key ^ userId.hashCode() * 0x9E3779B97F4A7C15L);
        Country country = geography.pickCountry(random);
        var main = devices.pick(random);
        return new UserProfile(
                userId,
                country,
                country.pickCity(random),
                country.pickIp(random),
                main,
                devices.pick(random),
                random.nextDouble() < ACCOUNT_SHARE,
                Persona.pick(random));
    }

    /**
     * A keyed bijection on [0, ID_SPACE): consecutive slots get unrelated-looking numbers, and two
     * slots never share one. Each step (add, xor-shift, multiply by an odd number) is invertible
     * modulo 2^24.
     */
    static int scramble(int value, int salt) {
        int x = (value + salt) & MASK;
        x ^= x >>> 12;
        x = (x * 0x2C1B3D) & MASK;
        x ^= x >>> 11;
        x = (x * 0x9E3779) & MASK;
        x ^= x >>> 13;
        return x;
    }
}
