package io.shadowfeed.privacy.dp.accounting;

import org.apache.commons.math3.special.Erf;

/** Arithmetic on logarithms of positive numbers, where the numbers themselves would overflow or underflow. */
final class LogSpace {
    private LogSpace() {
    }

    /** log(e^a + e^b). */
    static double add(double a, double b) {
        if (a == Double.NEGATIVE_INFINITY) {
            return b;
        }
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        double high = Math.max(a, b);
        return high + Math.log1p(Math.exp(Math.min(a, b) - high));
    }

    /** log(e^a - e^b) for a >= b; {@code -inf} when they are equal. */
    static double subtract(double a, double b) {
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        if (a < b) {
            throw new ArithmeticException("log-space subtraction would go negative: " + a + " < " + b);
        }
        if (a == b) {
            return Double.NEGATIVE_INFINITY;
        }
        return a + Math.log(-Math.expm1(b - a));
    }

    /**
     * log(erfc(x)). Direct below 25; above, where erfc itself nears underflow, the asymptotic series
     * erfc(x) ~ e^(-x^2) / (x sqrt(pi)) (1 - 1/(2x^2) + 3/(4x^4) - 15/(8x^6) + 105/(16x^8)), whose truncation error
     * there is below 1e-11 relative (commons-math has erfc but not its logarithm).
     */
    static double logErfc(double x) {
        if (x < 25) {
            return Math.log(Erf.erfc(x));
        }
        double inverseSquare = 1 / (x * x);
        double series = 1 - inverseSquare / 2 * (1 - 1.5 * inverseSquare * (1 - 2.5 * inverseSquare
                * (1 - 3.5 * inverseSquare)));
        return -x * x - Math.log(x) - 0.5 * Math.log(Math.PI) + Math.log(series);
    }
}
