package io.shadowfeed.privacy.dp.mechanism;

import java.util.Objects;

/**
 * Exact samples of the discrete Laplace distribution of scale t/s: P(x) proportional to exp(-|x| s / t) on the
 * integers (Canonne, Kamath and Steinke 2020, Algorithm 2): U uniform in [0, t) kept with probability exp(-U/t),
 * V geometric with ratio exp(-1), X = U + t V, Y = floor(X / s), a fair sign, and a negative zero rejected. Every
 * decision is an integer comparison of uniform draws; nothing allocates. Not thread-safe.
 */
public final class DiscreteLaplaceSampler {
    /** Scales up to 2^62 / 2^20: U + t V then overflows only if V >= 2^20, an event of probability e^-(2^20). */
    private static final long LARGEST_T = 1L << 42;

    private final long t;
    private final long s;
    private final Rational scale;
    private final ExactBernoulli bernoulli;

    public DiscreteLaplaceSampler(Rational scale, RandomSource random) {
        this.scale = Objects.requireNonNull(scale, "scale must not be null.");
        this.t = scale.numerator();
        this.s = scale.denominator();
        if (t > LARGEST_T) {
            throw new IllegalArgumentException("discrete Laplace scale numerator must be at most 2^42. "
                    + "Provided value: " + scale);
        }
        this.bernoulli = new ExactBernoulli(Objects.requireNonNull(random, "random must not be null."));
    }

    /** The scale t/s (the distribution has P(x) proportional to exp(-|x| / scale)). */
    public Rational scale() {
        return scale;
    }

    public long sample() {
        return sample(bernoulli, t, s);
    }

    /**
     * Algorithm 2 with its parameters passed in, so that the discrete Gaussian sampler shares it without a second
     * object on its hot path.
     */
    static long sample(ExactBernoulli bernoulli, long t, long s) {
        RandomSource random = bernoulli.random();
        while (true) {
            long u = random.nextLong(t);
            if (!bernoulli.expFraction(u, t)) {
                continue;
            }
            long v = 0;
            while (bernoulli.expFraction(1, 1)) {
                v++;
            }
            long x = Math.addExact(u, Math.multiplyExact(t, v));
            long y = s == 1 ? x : x / s;
            boolean negative = random.nextBoolean();
            if (negative && y == 0) {
                continue;
            }
            return negative ? -y : y;
        }
    }
}
