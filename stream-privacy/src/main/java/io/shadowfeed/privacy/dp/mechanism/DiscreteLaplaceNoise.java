package io.shadowfeed.privacy.dp.mechanism;

import io.shadowfeed.privacy.dp.accounting.RdpCurve;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The discrete Laplace (geometric) mechanism for integer counts: exact integer noise of scale L1 sensitivity /
 * epsilon from {@link DiscreteLaplaceSampler}, epsilon-DP per release. The scale is a fraction, rounded up from
 * the decimal asked for when it has more than six places (see {@link Rational#ceil}); {@link #epsilon()} is the
 * epsilon of the scale actually used, never above the one asked for. Not thread-safe.
 */
public final class DiscreteLaplaceNoise implements NoiseMechanism {
    private final long l1Sensitivity;
    private final double epsilon;
    private final DiscreteLaplaceSampler sampler;

    private DiscreteLaplaceNoise(long l1Sensitivity, Rational scale, RandomSource random) {
        this.l1Sensitivity = l1Sensitivity;
        this.sampler = new DiscreteLaplaceSampler(scale, random);
        // Delta / (t / s), rounded up so that the cost charged is never below the exact one
        this.epsilon = Rational.ceilToDouble(BigDecimal.valueOf(l1Sensitivity).multiply(
                BigDecimal.valueOf(scale.denominator())), BigDecimal.valueOf(scale.numerator()));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The count plus noise; fails rather than wrap around if the sum leaves the range of long. */
    public long addNoise(long count) {
        return Math.addExact(count, sampler.sample());
    }

    /** One release of a vector of counts whose L1 sensitivity (as a whole) is this mechanism's. A new array. */
    public long[] addNoise(long[] counts) {
        long[] noisy = new long[counts.length];
        for (int i = 0; i < counts.length; i++) {
            noisy[i] = Math.addExact(counts[i], sampler.sample());
        }
        return noisy;
    }

    /** The epsilon of the scale in use. */
    public double epsilon() {
        return epsilon;
    }

    public Rational scale() {
        return sampler.scale();
    }

    public long l1Sensitivity() {
        return l1Sensitivity;
    }

    @Override
    public String mechanism() {
        return "discrete_laplace";
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("epsilon", Double.toString(epsilon));
        parameters.put("l1_sensitivity", Long.toString(l1Sensitivity));
        parameters.put("scale", scale().toString());
        return Collections.unmodifiableMap(parameters);
    }

    @Override
    public double rho() {
        return epsilon * epsilon / 2;
    }

    /** As any epsilon-DP mechanism: min(epsilon, alpha epsilon^2 / 2). */
    @Override
    public RdpCurve rdp(List<Double> orders) {
        return RdpCurve.pureDp(epsilon, orders);
    }

    /**
     * Required: {@link #l1Sensitivity} and one of {@link #epsilon} or {@link #scale}. Optional: {@link #random}
     * (default a secure DRBG).
     */
    public static final class Builder {
        private long l1Sensitivity;
        private double epsilon = Double.NaN;
        private Rational scale;
        private RandomSource random;

        private Builder() {
        }

        /** The most one privacy unit changes the counts, summed over the vector: a positive integer. */
        public Builder l1Sensitivity(long l1Sensitivity) {
            this.l1Sensitivity = DpPreconditions.checkPositive(l1Sensitivity, "l1Sensitivity");
            return this;
        }

        public Builder epsilon(double epsilon) {
            this.epsilon = DpPreconditions.checkEpsilon(epsilon);
            return this;
        }

        /** The scale t/s directly: P(x) proportional to exp(-|x| s / t). */
        public Builder scale(Rational scale) {
            this.scale = DpPreconditions.checkNotNull(scale, "scale");
            return this;
        }

        public Builder random(RandomSource random) {
            this.random = DpPreconditions.checkNotNull(random, "random");
            return this;
        }

        public DiscreteLaplaceNoise build() {
            if (l1Sensitivity == 0) {
                throw new IllegalStateException("l1Sensitivity is not set: the discrete Laplace mechanism needs "
                        + "l1Sensitivity(...), the most one privacy unit can change the counts in L1");
            }
            if (Double.isNaN(epsilon) == (scale == null)) {
                throw new IllegalStateException("set exactly one of epsilon(...) or scale(...)");
            }
            Rational chosen = scale != null ? scale
                    : Rational.ceilOfQuotient(BigDecimal.valueOf(l1Sensitivity), BigDecimal.valueOf(epsilon));
            return new DiscreteLaplaceNoise(l1Sensitivity, chosen,
                    random != null ? random : RandomSources.secure());
        }
    }
}
