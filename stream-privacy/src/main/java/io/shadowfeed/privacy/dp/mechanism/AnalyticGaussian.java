package io.shadowfeed.privacy.dp.mechanism;

import org.apache.commons.math3.special.Erf;

/**
 * The smallest Gaussian noise multiplier that is (epsilon, delta)-DP, by the exact condition of Balle and Wang
 * 2018 ("Improving the Gaussian Mechanism for Differential Privacy", Theorem 8): with z = sigma / Delta,
 * Phi(1/(2z) - epsilon z) - e^epsilon Phi(-1/(2z) - epsilon z) <= delta. The left side falls as z grows, so
 * bisection finds the boundary; the returned z is on the private side of it. Unlike the classic
 * sqrt(2 log(1.25/delta)) / epsilon it holds for every epsilon and is never larger.
 */
final class AnalyticGaussian {
    private static final double RELATIVE_TOLERANCE = 1e-12;

    private AnalyticGaussian() {
    }

    static double noiseMultiplier(double epsilon, double delta) {
        double high = 1;
        while (delta(high, epsilon) > delta) {
            high *= 2;
        }
        double low = high / 2;
        while (delta(low, epsilon) <= delta && low > Double.MIN_NORMAL) {
            high = low;
            low /= 2;
        }
        while (high - low > RELATIVE_TOLERANCE * high) {
            double middle = low + (high - low) / 2;
            if (delta(middle, epsilon) > delta) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return high;
    }

    /** The smallest delta for which noise multiplier z is (epsilon, delta)-DP. */
    static double delta(double z, double epsilon) {
        double a = 1 / (2 * z) - epsilon * z;
        double b = -1 / (2 * z) - epsilon * z;
        double second = Math.exp(epsilon + Math.log(phi(b)));
        return Math.max(phi(a) - second, 0);
    }

    private static double phi(double x) {
        return 0.5 * Erf.erfc(-x / Math.sqrt(2));
    }
}
