package io.shadowfeed.privacy.dp.mechanism;

import java.util.Objects;

/**
 * Continuous Laplace samples of a given scale: an exponential by inversion, -log(1 - U) with U uniform on 53-bit
 * doubles in [0, 1), times the scale, with a fair sign. Floating point: fine for real-valued statistics whose
 * output is itself rounded or aggregated, but its low bits are not uniformly distributed (Mironov 2012); counts
 * should use {@link DiscreteLaplaceSampler}. Not thread-safe.
 */
public final class LaplaceSampler {
    private final double scale;
    private final RandomSource random;

    public LaplaceSampler(double scale, RandomSource random) {
        this.scale = DpPreconditions.checkPositiveFinite(scale, "scale");
        this.random = Objects.requireNonNull(random, "random must not be null.");
    }

    public double scale() {
        return scale;
    }

    public double sample() {
        double magnitude = -Math.log1p(-random.nextDouble()) * scale;
        return random.nextBoolean() ? -magnitude : magnitude;
    }
}
