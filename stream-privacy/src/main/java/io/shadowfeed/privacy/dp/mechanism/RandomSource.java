package io.shadowfeed.privacy.dp.mechanism;

/**
 * Uniform random bits for the samplers. Production code uses {@link RandomSources#secure()} (a buffered DRBG);
 * tests pass a seeded source to make runs repeatable. Implementations need not be thread-safe: give each thread
 * (each operator instance) its own.
 */
public interface RandomSource {

    /** 64 uniform bits. */
    long nextLong();

    /** 32 uniform bits. */
    int nextInt();

    /** One uniform bit. */
    default boolean nextBoolean() {
        return nextInt() < 0;
    }

    /**
     * Uniform in [0, bound), exactly (no modulo bias): Lemire's multiply-and-reject on 32 bits when the bound fits
     * there, which is the common case for the samplers' Bernoulli trials; rejection on 63 bits otherwise.
     */
    default long nextLong(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive. Provided value: " + bound);
        }
        if (bound <= 0x1_0000_0000L) {
            long product = (nextInt() & 0xFFFF_FFFFL) * bound;
            long low = product & 0xFFFF_FFFFL;
            if (low < bound) {
                long threshold = (0x1_0000_0000L - bound) % bound;
                while (low < threshold) {
                    product = (nextInt() & 0xFFFF_FFFFL) * bound;
                    low = product & 0xFFFF_FFFFL;
                }
            }
            return product >>> 32;
        }
        long mask = bound - 1;
        if ((bound & mask) == 0) {
            return nextLong() & mask;
        }
        // Draws from the last partial block of bound values are rejected: u - r + (bound - 1) overflows exactly then
        long u = nextLong() >>> 1;
        long r = u % bound;
        while (u - r + mask < 0) {
            u = nextLong() >>> 1;
            r = u % bound;
        }
        return r;
    }

    /** Uniform on the 2^53 doubles k / 2^53 in [0, 1). */
    default double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }
}
