package io.shadowfeed.privacy.dp.mechanism;

import java.util.Objects;

/**
 * Continuous Gaussian samples N(0, sigma^2) by Marsaglia's polar method (two samples per accepted pair, the second
 * kept for the next call). Floating point, with the same caveat as {@link LaplaceSampler}: counts should use
 * {@link DiscreteGaussianSampler}. Not thread-safe.
 */
public final class GaussianSampler {
    private final double sigma;
    private final RandomSource random;
    private double spare;
    private boolean hasSpare;

    public GaussianSampler(double sigma, RandomSource random) {
        this.sigma = DpPreconditions.checkPositiveFinite(sigma, "sigma");
        this.random = Objects.requireNonNull(random, "random must not be null.");
    }

    public double sigma() {
        return sigma;
    }

    public double sample() {
        if (hasSpare) {
            hasSpare = false;
            return spare * sigma;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * random.nextDouble() - 1;
            v = 2 * random.nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double factor = Math.sqrt(-2 * Math.log(s) / s);
        spare = v * factor;
        hasSpare = true;
        return u * factor * sigma;
    }
}
