package io.shadowfeed.privacy.dp.accounting;

import java.util.List;

/**
 * Composes zero-concentrated DP (Bun and Steinke 2016): rho adds up over releases, and the total converts to
 * (epsilon, delta) at the end. The Gaussian and the discrete Gaussian with noise sigma and L2 sensitivity Delta
 * cost Delta^2 / (2 sigma^2) each; an epsilon-DP release costs epsilon^2 / 2.
 *
 * <p>rho-zCDP is RDP of rho * alpha at every order alpha > 1, so both conversions of {@link RdpConversion} apply,
 * optimised over all real orders rather than a grid:
 * <ul>
 *   <li>{@link RdpConversion#CLASSIC}: epsilon = rho + 2 sqrt(rho log(1/delta)) at alpha = 1 + sqrt(log(1/delta) /
 *   rho) (Bun and Steinke 2016, Proposition 1.3);</li>
 *   <li>{@link RdpConversion#TIGHT}: the minimum over alpha > 1 of rho alpha + log(1 - 1/alpha) - (log delta +
 *   log alpha) / (alpha - 1) (Canonne, Kamath and Steinke 2020, Proposition 12 / Corollary 13, the bound the
 *   discrete Gaussian paper recommends). Its derivative has the sign of rho (alpha - 1)^2 + log(alpha delta),
 *   which increases in alpha, so the minimum is its one root, found by bisection.</li>
 * </ul>
 * {@link #epsilon(double)} reports the tight one, which is never larger, and the result names it.
 */
public final class ZcdpAccountant {
    private double rho;

    /** rho so far. */
    public double rho() {
        return rho;
    }

    /** {@code count} releases of rho each. */
    public ZcdpAccountant composeRho(double rho, long count) {
        Rdp.checkRho(rho);
        Rdp.checkCount(count);
        if (count > 0) {
            this.rho += rho * count;
        }
        return this;
    }

    /**
     * {@code count} Gaussian or discrete Gaussian releases whose noise standard deviation is
     * {@code noiseMultiplier} times the L2 sensitivity (Canonne, Kamath and Steinke 2020, Theorem 14, for the
     * discrete one).
     */
    public ZcdpAccountant composeGaussian(double noiseMultiplier, long count) {
        return composeRho(Rdp.gaussianRho(noiseMultiplier), count);
    }

    /** {@code count} epsilon-DP releases: epsilon^2 / 2 each (Bun and Steinke 2016, Proposition 1.4). */
    public ZcdpAccountant composePureDp(double epsilon, long count) {
        Rdp.checkEpsilon(epsilon);
        return composeRho(epsilon * epsilon / 2, count);
    }

    /** The total as an RDP curve, rho * alpha, to compose with RDP accounting on these orders. */
    public RdpCurve rdp(List<Double> orders) {
        return RdpCurve.zcdp(rho, orders);
    }

    /** The tight conversion at this delta (never larger than the classic one); the result names it. */
    public RdpAccountant.EpsilonResult epsilon(double delta) {
        return epsilon(rho, delta, RdpConversion.TIGHT);
    }

    public RdpAccountant.EpsilonResult epsilon(double delta, RdpConversion conversion) {
        return epsilon(rho, delta, conversion);
    }

    /** rho-zCDP as (epsilon, delta), with the order that achieves it. */
    public static RdpAccountant.EpsilonResult epsilon(double rho, double delta, RdpConversion conversion) {
        Rdp.checkRho(rho);
        Rdp.checkDelta(delta);
        if (conversion == null) {
            throw new NullPointerException("conversion must not be null.");
        }
        if (rho == 0) {
            return new RdpAccountant.EpsilonResult(0, Double.POSITIVE_INFINITY, conversion);
        }
        double logInverseDelta = -Math.log(delta);
        double order;
        double epsilon;
        if (conversion == RdpConversion.CLASSIC) {
            order = 1 + Math.sqrt(logInverseDelta / rho);
            epsilon = rho + 2 * Math.sqrt(rho * logInverseDelta);
        } else {
            order = tightOrder(rho, delta);
            epsilon = conversion.epsilon(rho * order, order, delta);
        }
        return new RdpAccountant.EpsilonResult(Math.max(epsilon, 0), order, conversion);
    }

    /**
     * The inverse: the largest rho whose tight conversion stays within {@code epsilon} at {@code delta}, to 1e-12
     * relative and on the safe side (bisection: epsilon grows with rho). Turns an (epsilon, delta) budget into the
     * rho that zCDP releases may spend.
     */
    public static double rho(double epsilon, double delta) {
        Rdp.checkEpsilon(epsilon);
        Rdp.checkDelta(delta);
        double low = 0;
        double high = epsilon;
        while (epsilon(high, delta, RdpConversion.TIGHT).epsilon() <= epsilon) {
            low = high;
            high *= 2;
        }
        while (high - low > 1e-12 * high) {
            double middle = low + (high - low) / 2;
            if (epsilon(middle, delta, RdpConversion.TIGHT).epsilon() <= epsilon) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The root of rho (alpha - 1)^2 + log(alpha delta) over alpha > 1, to the last bit. */
    private static double tightOrder(double rho, double delta) {
        double low = 1;
        double high = 2;
        while (rho * (high - 1) * (high - 1) + Math.log(high * delta) <= 0) {
            low = high;
            high *= 2;
        }
        while (true) {
            double middle = low + (high - low) / 2;
            if (middle == low || middle == high) {
                return high;
            }
            if (rho * (middle - 1) * (middle - 1) + Math.log(middle * delta) > 0) {
                high = middle;
            } else {
                low = middle;
            }
        }
    }
}
