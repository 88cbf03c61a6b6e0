package io.shadowfeed.privacy.pii.policy.fake;

import java.util.random.RandomGenerator;

/**
 * SplitMix64 with a settable state: a datafaker instance is built once per thread and locale around one of these,
 * and reseeded before each use, so a fake depends on its seed only, never on what was generated before. Not
 * thread-safe (one per thread).
 */
public final class SeededRandom implements RandomGenerator {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long state;

    public SeededRandom(long seed) {
        this.state = seed;
    }

    public void reseed(long seed) {
        this.state = seed;
    }

    @Override
    public long nextLong() {
        return mix(state += GOLDEN);
    }

    /** The SplitMix64 finalizer: a good 64-bit mixing function. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** An independent seed for sub-stream {@code index} of {@code seed}. */
    public static long derive(long seed, int index) {
        return mix(seed ^ mix(GOLDEN * (index + 1L)));
    }
}
