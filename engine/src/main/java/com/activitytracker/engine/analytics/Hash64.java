package com.activitytracker.engine.analytics;

/**
 * A 64-bit hash of a string in the style of MurmurHash3 (x64): four UTF-16 chars per 64-bit block,
 * Murmur's block mix and its {@code fmix64} finaliser. HyperLogLog needs every output bit to look
 * random; {@link String#hashCode()} has only 32 bits and is weak on similar ids such as
 * {@code user-1}, {@code user-2}. Reads chars in place, so hashing allocates nothing.
 */
final class Hash64 {
    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;
    private static final long SEED = 0x9e3779b97f4a7c15L;

    private Hash64() {}

    static long of(CharSequence s) {
        int length = s.length();
        long h = SEED;
        int i = 0;
        for (; i + 4 <= length; i += 4) {
            long block = s.charAt(i)
                    | (long) s.charAt(i + 1) << 16
                    | (long) s.charAt(i + 2) << 32
                    | (long) s.charAt(i + 3) << 48;
            h ^= mixBlock(block);
            h = Long.rotateLeft(h, 27) * 5 + 0x52dce729;
        }
        long tail = 0;
        for (int shift = 0; i < length; i++, shift += 16) {
            tail |= (long) s.charAt(i) << shift;
        }
        h ^= mixBlock(tail);
        h ^= length;
        return fmix64(h);
    }

    private static long mixBlock(long k) {
        k *= C1;
        k = Long.rotateLeft(k, 31);
        return k * C2;
    }

    private static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        return k ^ (k >>> 33);
    }
}
