package io.shadowfeed.trainer.model;

/** Derives independent seeds (per epoch, per batch) from one user seed. */
public final class Seeds {
    private Seeds() {
    }

    /** SplitMix64's finaliser over (seed, index): nearby indices give unrelated seeds. */
    public static long mix(long seed, long index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
