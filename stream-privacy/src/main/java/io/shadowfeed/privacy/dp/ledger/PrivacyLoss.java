package io.shadowfeed.privacy.dp.ledger;

import io.shadowfeed.privacy.dp.accounting.RdpAccountant;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What one release costs in privacy: a Rényi DP curve or a zCDP rho. Losses compose by adding their RDP curves per
 * order ({@link #toRdp}); epsilons are never added.
 */
public sealed interface PrivacyLoss permits PrivacyLoss.Rdp, PrivacyLoss.Zcdp {

    /**
     * This loss as an upper bound on its RDP at each of {@code orders} (finite, greater than 1, increasing); a value
     * may be infinite where this loss says nothing about an order.
     */
    double[] toRdp(List<Double> orders);

    /**
     * {@code steps} steps of the Poisson-subsampled Gaussian mechanism (Mironov, Talwar and Zhang 2019) on
     * {@link RdpAccountant#DEFAULT_ORDERS}: each record is included with probability {@code samplingRate}, noise
     * is {@code noiseMultiplier} times the L2 sensitivity.
     */
    static Rdp subsampledGaussian(double samplingRate, double noiseMultiplier, long steps) {
        double[] rdp = RdpAccountant.withDefaultOrders()
                .composeSubsampledGaussian(samplingRate, noiseMultiplier, steps).rdp();
        return Rdp.of(RdpAccountant.DEFAULT_ORDERS, rdp);
    }

    /**
     * {@code count} releases of the Gaussian mechanism with noise {@code noiseMultiplier} times the L2 sensitivity:
     * rho = count / (2 noiseMultiplier^2), RDP alpha * rho (Mironov 2017, Proposition 7; Bun and Steinke 2016).
     */
    static Zcdp gaussian(double noiseMultiplier, long count) {
        if (!(noiseMultiplier > 0) || Double.isInfinite(noiseMultiplier)) {
            throw new IllegalArgumentException("noise multiplier must be positive and finite. Provided value: "
                    + noiseMultiplier);
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0. Provided value: " + count);
        }
        return new Zcdp(count / (2 * noiseMultiplier * noiseMultiplier));
    }

    /**
     * An RDP curve: {@code values[i]} at {@code orders[i]}.
     *
     * @param orders finite, greater than 1, strictly increasing
     * @param values one per order, each >= 0 or positive infinity
     */
    record Rdp(List<Double> orders, List<Double> values) implements PrivacyLoss {

        public Rdp {
            orders = List.copyOf(LedgerPreconditions.checkNotNull(orders, "orders"));
            values = List.copyOf(LedgerPreconditions.checkNotNull(values, "values"));
            LedgerPreconditions.checkOrders(orders);
            LedgerPreconditions.checkArgument(orders.size() == values.size(),
                    "an RDP curve needs one value per order: %d orders, %d values", orders.size(), values.size());
            for (double value : values) {
                LedgerPreconditions.checkArgument(value >= 0,
                        "RDP values must be >= 0 (or infinite). Provided value: %s", value);
            }
        }

        public static Rdp of(List<Double> orders, double[] values) {
            List<Double> boxed = new ArrayList<>(values.length);
            for (double value : values) {
                boxed.add(value);
            }
            return new Rdp(orders, Collections.unmodifiableList(boxed));
        }

        /**
         * The value at each requested order: this curve's own value where it has that order, else its value at the
         * next larger order it has, which bounds the RDP from above because the Rényi divergence does not decrease
         * with the order (van Erven and Harremoës 2014, Theorem 3); infinite above this curve's largest order. So an
         * entry written on other orders (an older order list, say) is still composed safely.
         */
        @Override
        public double[] toRdp(List<Double> target) {
            double[] result = new double[target.size()];
            int j = 0;
            for (int i = 0; i < result.length; i++) {
                double order = target.get(i);
                if (i > 0 && order < target.get(i - 1)) {
                    j = 0; // unsorted target: search again from the start
                }
                while (j < orders.size() && orders.get(j) < order) {
                    j++;
                }
                result[i] = j < orders.size() ? values.get(j) : Double.POSITIVE_INFINITY;
            }
            return result;
        }
    }

    /**
     * A rho-zCDP guarantee (Bun and Steinke 2016): RDP rho * alpha at every order alpha.
     *
     * @param rho >= 0 and finite
     */
    record Zcdp(double rho) implements PrivacyLoss {

        public Zcdp {
            LedgerPreconditions.checkRho(rho);
        }

        @Override
        public double[] toRdp(List<Double> orders) {
            double[] result = new double[orders.size()];
            for (int i = 0; i < result.length; i++) {
                result[i] = rho * orders.get(i);
            }
            return result;
        }
    }
}
