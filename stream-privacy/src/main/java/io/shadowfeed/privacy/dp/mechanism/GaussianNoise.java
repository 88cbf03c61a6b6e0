package io.shadowfeed.privacy.dp.mechanism;

import io.shadowfeed.privacy.dp.accounting.RdpCurve;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Gaussian mechanism for real values: noise of standard deviation sigma = z * L2 sensitivity, with the noise
 * multiplier z given directly, from a zCDP rho (z = 1 / sqrt(2 rho)), or from (epsilon, delta) by the exact
 * analytic calibration of Balle and Wang 2018. Charged as (1 / (2 z^2))-zCDP: composing in RDP or zCDP and
 * converting once at the end gives a tighter total than adding per-release epsilons, so an (epsilon, delta)
 * calibrated release converts back to a slightly larger epsilon on its own. Floating point (see
 * {@link GaussianSampler}); for counts use {@link DiscreteGaussianNoise}. Not thread-safe.
 */
public final class GaussianNoise implements NoiseMechanism {
    private final double l2Sensitivity;
    private final double noiseMultiplier;
    private final Map<String, String> parameters;
    private final GaussianSampler sampler;

    private GaussianNoise(double l2Sensitivity, double noiseMultiplier, Map<String, String> calibration,
            RandomSource random) {
        this.l2Sensitivity = l2Sensitivity;
        this.noiseMultiplier = noiseMultiplier;
        this.sampler = new GaussianSampler(noiseMultiplier * l2Sensitivity, random);
        Map<String, String> parameters = new LinkedHashMap<>(calibration);
        parameters.put("l2_sensitivity", Double.toString(l2Sensitivity));
        parameters.put("noise_multiplier", Double.toString(noiseMultiplier));
        parameters.put("sigma", Double.toString(sigma()));
        this.parameters = Collections.unmodifiableMap(parameters);
    }

    public static Builder builder() {
        return new Builder();
    }

    public double addNoise(double value) {
        return value + sampler.sample();
    }

    /** One release of a vector whose L2 sensitivity (as a whole) is this mechanism's. Returns a new array. */
    public double[] addNoise(double[] values) {
        double[] noisy = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            noisy[i] = values[i] + sampler.sample();
        }
        return noisy;
    }

    public double sigma() {
        return sampler.sigma();
    }

    public double noiseMultiplier() {
        return noiseMultiplier;
    }

    public double l2Sensitivity() {
        return l2Sensitivity;
    }

    @Override
    public String mechanism() {
        return "gaussian";
    }

    @Override
    public Map<String, String> parameters() {
        return parameters;
    }

    @Override
    public double rho() {
        return 1 / (2 * noiseMultiplier * noiseMultiplier);
    }

    @Override
    public RdpCurve rdp(List<Double> orders) {
        return RdpCurve.gaussian(noiseMultiplier, orders);
    }

    /**
     * Required: {@link #l2Sensitivity} and exactly one of {@link #noiseMultiplier}, {@link #rho}, or
     * {@link #epsilon} with {@link #delta}. Optional: {@link #random} (default a secure DRBG).
     */
    public static final class Builder {
        private double l2Sensitivity = Double.NaN;
        private double noiseMultiplier = Double.NaN;
        private double rho = Double.NaN;
        private double epsilon = Double.NaN;
        private double delta = Double.NaN;
        private RandomSource random;

        private Builder() {
        }

        public Builder l2Sensitivity(double l2Sensitivity) {
            this.l2Sensitivity = DpPreconditions.checkSensitivity(l2Sensitivity, "l2Sensitivity");
            return this;
        }

        /** sigma / L2 sensitivity. */
        public Builder noiseMultiplier(double noiseMultiplier) {
            this.noiseMultiplier = DpPreconditions.checkPositiveFinite(noiseMultiplier, "noiseMultiplier");
            return this;
        }

        /** The zCDP cost of one release. */
        public Builder rho(double rho) {
            this.rho = DpPreconditions.checkRho(rho);
            return this;
        }

        /** With {@link #delta}: calibrate analytically to (epsilon, delta)-DP per release. */
        public Builder epsilon(double epsilon) {
            this.epsilon = DpPreconditions.checkEpsilon(epsilon);
            return this;
        }

        public Builder delta(double delta) {
            this.delta = DpPreconditions.checkDelta(delta);
            return this;
        }

        public Builder random(RandomSource random) {
            this.random = DpPreconditions.checkNotNull(random, "random");
            return this;
        }

        public GaussianNoise build() {
            if (Double.isNaN(l2Sensitivity)) {
                throw new IllegalStateException("l2Sensitivity is not set: the Gaussian mechanism needs "
                        + "l2Sensitivity(...), the most one privacy unit can change the released value(s) in L2");
            }
            if (Double.isNaN(epsilon) != Double.isNaN(delta)) {
                throw new IllegalStateException("epsilon and delta go together: set both to calibrate to "
                        + "(epsilon, delta), or neither");
            }
            int given = (Double.isNaN(noiseMultiplier) ? 0 : 1) + (Double.isNaN(rho) ? 0 : 1)
                    + (Double.isNaN(epsilon) ? 0 : 1);
            if (given != 1) {
                throw new IllegalStateException("set exactly one of noiseMultiplier(...), rho(...), or "
                        + "epsilon(...) with delta(...); " + given + " are set");
            }
            Map<String, String> calibration = new LinkedHashMap<>();
            double z = noiseMultiplier;
            if (!Double.isNaN(rho)) {
                z = 1 / Math.sqrt(2 * rho);
                calibration.put("rho", Double.toString(rho));
            } else if (!Double.isNaN(epsilon)) {
                z = AnalyticGaussian.noiseMultiplier(epsilon, delta);
                calibration.put("epsilon", Double.toString(epsilon));
                calibration.put("delta", Double.toString(delta));
            }
            return new GaussianNoise(l2Sensitivity, z, calibration,
                    random != null ? random : RandomSources.secure());
        }
    }
}
