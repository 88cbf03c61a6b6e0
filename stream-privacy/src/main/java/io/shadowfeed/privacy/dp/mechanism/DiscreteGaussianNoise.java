package io.shadowfeed.privacy.dp.mechanism;

import io.shadowfeed.privacy.dp.accounting.RdpCurve;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The discrete Gaussian mechanism for integer counts and histograms: exact integer noise N_Z(0, sigma^2) from
 * {@link DiscreteGaussianSampler}, (Delta^2 / (2 sigma^2))-zCDP per release for L2 sensitivity Delta, the same as
 * the continuous Gaussian (Canonne, Kamath and Steinke 2020, Theorem 14, which covers vectors too). sigma^2 is a
 * fraction: exact for decimals of up to six places, otherwise rounded up (see {@link Rational#ceil}), and
 * {@link #rho()} is the cost of the sigma^2 actually used. Not thread-safe.
 *
 * <pre>{@code
 * DiscreteGaussianNoise noise = DiscreteGaussianNoise.builder().l2Sensitivity(1).sigma(12.5).build();
 * long[] released = noise.addNoise(histogram);
 * ledger.charge(noise.rdp()); // or noise.rho()
 * }</pre>
 */
public final class DiscreteGaussianNoise implements NoiseMechanism {
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private final double l2Sensitivity;
    private final double rho;
    private final DiscreteGaussianSampler sampler;

    private DiscreteGaussianNoise(double l2Sensitivity, Rational sigmaSquared, RandomSource random) {
        this.l2Sensitivity = l2Sensitivity;
        this.sampler = new DiscreteGaussianSampler(sigmaSquared, random);
        // Delta^2 d / (2 n), rounded up so that the cost charged is never below the exact one
        BigDecimal delta = new BigDecimal(l2Sensitivity);
        BigDecimal dividend = delta.multiply(delta).multiply(BigDecimal.valueOf(sigmaSquared.denominator()));
        this.rho = Rational.ceilToDouble(dividend, BigDecimal.valueOf(sigmaSquared.numerator()).multiply(TWO));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The count plus noise; fails rather than wrap around if the sum leaves the range of long. */
    public long addNoise(long count) {
        return Math.addExact(count, sampler.sample());
    }

    /** One release of a vector of counts whose L2 sensitivity (as a whole) is this mechanism's. A new array. */
    public long[] addNoise(long[] counts) {
        long[] noisy = new long[counts.length];
        for (int i = 0; i < counts.length; i++) {
            noisy[i] = Math.addExact(counts[i], sampler.sample());
        }
        return noisy;
    }

    public Rational sigmaSquared() {
        return sampler.sigmaSquared();
    }

    /** sigma / Delta. */
    public double noiseMultiplier() {
        return Math.sqrt(sigmaSquared().doubleValue()) / l2Sensitivity;
    }

    public double l2Sensitivity() {
        return l2Sensitivity;
    }

    @Override
    public String mechanism() {
        return "discrete_gaussian";
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("sigma_squared", sigmaSquared().toString());
        parameters.put("l2_sensitivity", Double.toString(l2Sensitivity));
        parameters.put("rho", Double.toString(rho));
        return Collections.unmodifiableMap(parameters);
    }

    @Override
    public double rho() {
        return rho;
    }

    @Override
    public RdpCurve rdp(List<Double> orders) {
        return RdpCurve.zcdp(rho, orders);
    }

    /**
     * Required: {@link #l2Sensitivity} and one of {@link #sigma}, {@link #sigmaSquared} or {@link #rho}. Optional:
     * {@link #random} (default a secure DRBG).
     */
    public static final class Builder {
        private double l2Sensitivity = Double.NaN;
        private double sigma = Double.NaN;
        private Rational sigmaSquared;
        private double rho = Double.NaN;
        private RandomSource random;

        private Builder() {
        }

        /** The most one privacy unit changes the counts, in L2 over the vector (sqrt(k) for k cells of 1). */
        public Builder l2Sensitivity(double l2Sensitivity) {
            this.l2Sensitivity = DpPreconditions.checkSensitivity(l2Sensitivity, "l2Sensitivity");
            return this;
        }

        /** sigma as a decimal; sigma^2 is then its exact square when that has at most six places. */
        public Builder sigma(double sigma) {
            this.sigma = DpPreconditions.checkPositiveFinite(sigma, "sigma");
            return this;
        }

        public Builder sigmaSquared(Rational sigmaSquared) {
            this.sigmaSquared = DpPreconditions.checkNotNull(sigmaSquared, "sigmaSquared");
            return this;
        }

        /** The zCDP cost of one release: sigma^2 = Delta^2 / (2 rho), rounded up. */
        public Builder rho(double rho) {
            this.rho = DpPreconditions.checkRho(rho);
            return this;
        }

        public Builder random(RandomSource random) {
            this.random = DpPreconditions.checkNotNull(random, "random");
            return this;
        }

        public DiscreteGaussianNoise build() {
            if (Double.isNaN(l2Sensitivity)) {
                throw new IllegalStateException("l2Sensitivity is not set: the discrete Gaussian mechanism needs "
                        + "l2Sensitivity(...), the most one privacy unit can change the counts in L2");
            }
            int given = (Double.isNaN(sigma) ? 0 : 1) + (sigmaSquared == null ? 0 : 1) + (Double.isNaN(rho) ? 0 : 1);
            if (given != 1) {
                throw new IllegalStateException("set exactly one of sigma(...), sigmaSquared(...) or rho(...); "
                        + given + " are set");
            }
            Rational chosen = sigmaSquared;
            if (!Double.isNaN(sigma)) {
                BigDecimal exact = BigDecimal.valueOf(sigma);
                chosen = Rational.ceil(exact.multiply(exact));
            } else if (!Double.isNaN(rho)) {
                BigDecimal delta = BigDecimal.valueOf(l2Sensitivity);
                chosen = Rational.ceilOfQuotient(delta.multiply(delta), BigDecimal.valueOf(2 * rho));
            }
            return new DiscreteGaussianNoise(l2Sensitivity, chosen,
                    random != null ? random : RandomSources.secure());
        }
    }
}
