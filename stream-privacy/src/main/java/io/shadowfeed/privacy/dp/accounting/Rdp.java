package io.shadowfeed.privacy.dp.accounting;

import java.util.List;

/** The closed forms and argument checks shared by this package's accountants and curves. */
final class Rdp {
    private Rdp() {
    }

    /** rho of the Gaussian mechanism with this noise multiplier: 1 / (2 sigma^2). */
    static double gaussianRho(double noiseMultiplier) {
        checkNoiseMultiplier(noiseMultiplier);
        return 1 / (2 * noiseMultiplier * noiseMultiplier);
    }

    /**
     * The Laplace mechanism's RDP at order alpha > 1 for epsilon = sensitivity / scale (Mironov 2017,
     * Proposition 6), written as epsilon + log1p((alpha - 1) expm1((1 - 2 alpha) epsilon) / (2 alpha - 1)) /
     * (alpha - 1) so that it neither overflows for large alpha epsilon nor cancels as alpha nears 1 (the argument
     * of log1p is then small and log1p keeps its relative precision).
     */
    static double laplace(double epsilon, double alpha) {
        double inner = (alpha - 1) * Math.expm1((1 - 2 * alpha) * epsilon) / (2 * alpha - 1);
        return epsilon + Math.log1p(inner) / (alpha - 1);
    }

    static RdpAccountant.EpsilonResult bestEpsilon(List<Double> orders, double[] rdp, double delta,
            RdpConversion conversion) {
        checkDelta(delta);
        if (conversion == null) {
            throw new NullPointerException("conversion must not be null.");
        }
        double best = Double.POSITIVE_INFINITY;
        double bestOrder = Double.NaN;
        for (int i = 0; i < rdp.length; i++) {
            double order = orders.get(i);
            double epsilon = conversion.epsilon(rdp[i], order, delta);
            if (epsilon < best) {
                best = epsilon;
                bestOrder = order;
            }
        }
        return new RdpAccountant.EpsilonResult(Math.max(best, 0), bestOrder, conversion);
    }

    static void checkOrder(double order) {
        if (!(order > 1) || Double.isInfinite(order)) {
            throw new IllegalArgumentException("RDP orders must be greater than 1 and finite. Provided value: "
                    + order);
        }
    }

    static void checkDelta(double delta) {
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("delta must be in (0, 1). Provided value: " + delta);
        }
    }

    static void checkEpsilon(double epsilon) {
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be positive and finite. Provided value: " + epsilon);
        }
    }

    static void checkRho(double rho) {
        if (!(rho >= 0) || Double.isInfinite(rho)) {
            throw new IllegalArgumentException("rho must be non-negative and finite. Provided value: " + rho);
        }
    }

    static void checkSamplingRate(double samplingRate) {
        if (!(samplingRate >= 0 && samplingRate <= 1)) {
            throw new IllegalArgumentException("sampling rate must be in [0, 1]. Provided value: " + samplingRate);
        }
    }

    static void checkNoiseMultiplier(double noiseMultiplier) {
        if (!(noiseMultiplier > 0) || Double.isInfinite(noiseMultiplier)) {
            throw new IllegalArgumentException("noise multiplier must be positive and finite. Provided value: "
                    + noiseMultiplier);
        }
    }

    static void checkCount(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0. Provided value: " + count);
        }
    }
}
