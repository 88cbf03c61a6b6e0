package io.shadowfeed.privacy.dp.accounting;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Rényi DP guarantee as a curve: the RDP epsilon at each of a fixed list of orders, immutable. Curves on the same
 * orders compose by adding per order ({@link #plus}, {@link #times}); an (epsilon, delta) guarantee comes from the
 * best order ({@link #epsilon}). The factories give the curves of the mechanisms this project releases with, for
 * one release.
 *
 * @param orders the orders, each greater than 1 and finite
 * @param values the RDP epsilon at each order: non-negative, possibly infinite, never NaN
 */
public record RdpCurve(List<Double> orders, List<Double> values) {

    public RdpCurve {
        orders = List.copyOf(Objects.requireNonNull(orders, "orders"));
        values = List.copyOf(Objects.requireNonNull(values, "values"));
        if (orders.isEmpty()) {
            throw new IllegalArgumentException("an RDP curve needs at least one order");
        }
        if (orders.size() != values.size()) {
            throw new IllegalArgumentException("an RDP curve needs one value per order: " + orders.size()
                    + " orders, " + values.size() + " values");
        }
        for (double order : orders) {
            Rdp.checkOrder(order);
        }
        for (double value : values) {
            if (!(value >= 0)) {
                throw new IllegalArgumentException("RDP values must be >= 0 (or infinite). Provided value: " + value);
            }
        }
    }

    /** The curve with these values at these orders. */
    public static RdpCurve of(List<Double> orders, double[] values) {
        List<Double> boxed = new ArrayList<>(values.length);
        for (double value : values) {
            boxed.add(value);
        }
        return new RdpCurve(orders, boxed);
    }

    /** No privacy spent. */
    public static RdpCurve zero(List<Double> orders) {
        return of(orders, new double[orders.size()]);
    }

    /**
     * The Gaussian mechanism whose noise standard deviation is {@code noiseMultiplier} times the L2 sensitivity:
     * alpha / (2 noiseMultiplier^2) (Mironov 2017, Proposition 7).
     */
    public static RdpCurve gaussian(double noiseMultiplier, List<Double> orders) {
        return zcdp(Rdp.gaussianRho(noiseMultiplier), orders);
    }

    /**
     * A rho-zCDP guarantee: rho * alpha at every order. This is how the discrete Gaussian is charged: with noise
     * sigma^2 and L2 sensitivity Delta it is (Delta^2 / (2 sigma^2))-zCDP (Canonne, Kamath and Steinke 2020,
     * Theorem 14), the same curve as the continuous Gaussian's.
     */
    public static RdpCurve zcdp(double rho, List<Double> orders) {
        Rdp.checkRho(rho);
        double[] values = new double[orders.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = rho * orders.get(i);
        }
        return of(orders, values);
    }

    /**
     * The Laplace mechanism whose scale is the L1 sensitivity divided by {@code epsilon}: exactly
     * epsilon + log(1 + (alpha - 1) (e^{(1 - 2 alpha) epsilon} - 1) / (2 alpha - 1)) / (alpha - 1) (Mironov 2017,
     * Proposition 6), below both epsilon and alpha epsilon^2 / 2.
     */
    public static RdpCurve laplace(double epsilon, List<Double> orders) {
        Rdp.checkEpsilon(epsilon);
        double[] values = new double[orders.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Rdp.laplace(epsilon, orders.get(i));
        }
        return of(orders, values);
    }

    /**
     * Any epsilon-DP mechanism (the discrete Laplace, for instance): min(epsilon, alpha epsilon^2 / 2), because the
     * Rényi divergence never exceeds the max divergence and epsilon-DP implies (epsilon^2 / 2)-zCDP (Bun and
     * Steinke 2016, Proposition 1.4).
     */
    public static RdpCurve pureDp(double epsilon, List<Double> orders) {
        Rdp.checkEpsilon(epsilon);
        double[] values = new double[orders.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.min(epsilon, orders.get(i) * epsilon * epsilon / 2);
        }
        return of(orders, values);
    }

    /**
     * One step of the Poisson-subsampled Gaussian (Mironov, Talwar and Zhang 2019), fractional orders by the
     * given series.
     */
    public static RdpCurve subsampledGaussian(double samplingRate, double noiseMultiplier, List<Double> orders,
            FractionalSeries series) {
        Rdp.checkSamplingRate(samplingRate);
        Rdp.checkNoiseMultiplier(noiseMultiplier);
        Objects.requireNonNull(series, "series");
        double[] values = new double[orders.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = SubsampledGaussianRdp.rdp(samplingRate, noiseMultiplier, orders.get(i), series);
        }
        return of(orders, values);
    }

    /** Both guarantees together: the sum per order. The orders must be the same. */
    public RdpCurve plus(RdpCurve other) {
        requireSameOrders(other);
        double[] sum = new double[orders.size()];
        for (int i = 0; i < sum.length; i++) {
            sum[i] = values.get(i) + other.values.get(i);
        }
        return of(orders, sum);
    }

    /** {@code count} runs of this mechanism. */
    public RdpCurve times(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0. Provided value: " + count);
        }
        double[] product = new double[orders.size()];
        for (int i = 0; i < product.length; i++) {
            double value = values.get(i);
            product[i] = count == 0 ? 0 : value * count;
        }
        return of(orders, product);
    }

    /** The values as an array, in the order of the orders. */
    public double[] valuesArray() {
        double[] array = new double[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }

    /** The smallest epsilon over the orders at this delta by the tight conversion (never larger than classic). */
    public RdpAccountant.EpsilonResult epsilon(double delta) {
        return epsilon(delta, RdpConversion.TIGHT);
    }

    /** The smallest epsilon over the orders at this delta, by the given conversion. */
    public RdpAccountant.EpsilonResult epsilon(double delta, RdpConversion conversion) {
        return Rdp.bestEpsilon(orders, valuesArray(), delta, conversion);
    }

    void requireSameOrders(RdpCurve other) {
        if (!orders.equals(other.orders)) {
            throw new IllegalArgumentException("RDP curves compose only on the same orders: " + orders.size()
                    + " orders from " + orders.get(0) + " against " + other.orders.size() + " from "
                    + other.orders.get(0) + "; build both on the same list (e.g. RdpAccountant.DEFAULT_ORDERS)");
        }
    }
}
