package io.shadowfeed.privacy.dp.mechanism;

import io.shadowfeed.privacy.dp.accounting.RdpCurve;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Laplace mechanism for real values: noise of scale L1 sensitivity / epsilon, epsilon-DP per release.
 * Floating point (see {@link LaplaceSampler}); for counts use {@link DiscreteLaplaceNoise}. Not thread-safe.
 *
 * <pre>{@code
 * LaplaceNoise noise = LaplaceNoise.builder().epsilon(0.5).l1Sensitivity(10).build();
 * double released = noise.addNoise(sum);
 * }</pre>
 */
public final class LaplaceNoise implements NoiseMechanism {
    private final double epsilon;
    private final double l1Sensitivity;
    private final LaplaceSampler sampler;

    private LaplaceNoise(double epsilon, double l1Sensitivity, RandomSource random) {
        this.epsilon = epsilon;
        this.l1Sensitivity = l1Sensitivity;
        this.sampler = new LaplaceSampler(l1Sensitivity / epsilon, random);
    }

    public static Builder builder() {
        return new Builder();
    }

    public double addNoise(double value) {
        return value + sampler.sample();
    }

    /** One release of a vector whose L1 sensitivity (as a whole) is this mechanism's. Returns a new array. */
    public double[] addNoise(double[] values) {
        double[] noisy = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            noisy[i] = values[i] + sampler.sample();
        }
        return noisy;
    }

    public double epsilon() {
        return epsilon;
    }

    public double l1Sensitivity() {
        return l1Sensitivity;
    }

    public double scale() {
        return sampler.scale();
    }

    @Override
    public String mechanism() {
        return "laplace";
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("epsilon", Double.toString(epsilon));
        parameters.put("l1_sensitivity", Double.toString(l1Sensitivity));
        parameters.put("scale", Double.toString(scale()));
        return Collections.unmodifiableMap(parameters);
    }

    /** epsilon-DP is (epsilon^2 / 2)-zCDP (Bun and Steinke 2016, Proposition 1.4). */
    @Override
    public double rho() {
        return epsilon * epsilon / 2;
    }

    /** The exact Laplace curve (Mironov 2017, Proposition 6), below both epsilon and alpha rho. */
    @Override
    public RdpCurve rdp(List<Double> orders) {
        return RdpCurve.laplace(epsilon, orders);
    }

    /** Required: {@link #epsilon}, {@link #l1Sensitivity}. Optional: {@link #random} (default a secure DRBG). */
    public static final class Builder {
        private double epsilon = Double.NaN;
        private double l1Sensitivity = Double.NaN;
        private RandomSource random;

        private Builder() {
        }

        public Builder epsilon(double epsilon) {
            this.epsilon = DpPreconditions.checkEpsilon(epsilon);
            return this;
        }

        public Builder l1Sensitivity(double l1Sensitivity) {
            this.l1Sensitivity = DpPreconditions.checkSensitivity(l1Sensitivity, "l1Sensitivity");
            return this;
        }

        public Builder random(RandomSource random) {
            this.random = DpPreconditions.checkNotNull(random, "random");
            return this;
        }

        public LaplaceNoise build() {
            if (Double.isNaN(epsilon)) {
                throw new IllegalStateException("epsilon is not set: the Laplace mechanism needs epsilon(...)");
            }
            if (Double.isNaN(l1Sensitivity)) {
                throw new IllegalStateException("l1Sensitivity is not set: the Laplace mechanism needs "
                        + "l1Sensitivity(...), the most one privacy unit can change the released value(s) in L1");
            }
            return new LaplaceNoise(epsilon, l1Sensitivity, random != null ? random : RandomSources.secure());
        }
    }
}
