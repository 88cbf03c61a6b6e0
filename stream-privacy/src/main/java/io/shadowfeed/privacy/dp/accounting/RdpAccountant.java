package io.shadowfeed.privacy.dp.accounting;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Composes Rényi DP over a fixed set of orders and converts the total to (epsilon, delta). Composition adds RDP
 * per order, never epsilons; the conversion takes the best order.
 */
public final class RdpAccountant {
    /** Orders 1.1 to 10.9 by 0.1, 11 to 63, and 64, 128, 256. */
    public static final List<Double> DEFAULT_ORDERS = defaultOrders();

    private final List<Double> orderList;
    private final double[] orders;
    private final double[] rdp;
    private final FractionalSeries series;

    /** An accountant whose fractional orders use the conservative {@link FractionalSeries#ABSOLUTE} series. */
    public RdpAccountant(List<Double> orders) {
        this(orders, FractionalSeries.ABSOLUTE);
    }

    public RdpAccountant(List<Double> orders, FractionalSeries series) {
        this.series = Objects.requireNonNull(series, "series");
        if (orders.isEmpty()) {
            throw new IllegalArgumentException("an RDP accountant needs at least one order");
        }
        this.orderList = List.copyOf(orders);
        this.orders = new double[orders.size()];
        for (int i = 0; i < this.orders.length; i++) {
            double order = orders.get(i);
            Rdp.checkOrder(order);
            this.orders[i] = order;
        }
        this.rdp = new double[this.orders.length];
    }

    public static RdpAccountant withDefaultOrders() {
        return new RdpAccountant(DEFAULT_ORDERS);
    }

    private static List<Double> defaultOrders() {
        List<Double> orders = new ArrayList<>();
        for (int x = 1; x < 100; x++) {
            orders.add(1 + x / 10.0);
        }
        for (int order = 11; order < 64; order++) {
            orders.add((double) order);
        }
        orders.addAll(List.of(64.0, 128.0, 256.0));
        return List.copyOf(orders);
    }

    /**
     * {@code steps} steps of the Poisson-subsampled Gaussian mechanism: sampling rate q in [0, 1], noise standard
     * deviation {@code noiseMultiplier} times the L2 sensitivity.
     */
    public RdpAccountant composeSubsampledGaussian(double samplingRate, double noiseMultiplier, long steps) {
        Rdp.checkSamplingRate(samplingRate);
        Rdp.checkNoiseMultiplier(noiseMultiplier);
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be non-negative. Provided value: " + steps);
        }
        for (int i = 0; i < orders.length; i++) {
            rdp[i] += steps * SubsampledGaussianRdp.rdp(samplingRate, noiseMultiplier, orders[i], series);
        }
        return this;
    }

    /**
     * {@code count} releases of the Gaussian mechanism without subsampling, noise standard deviation
     * {@code noiseMultiplier} times the L2 sensitivity: alpha / (2 noiseMultiplier^2) each. The discrete Gaussian
     * with the same sigma is charged the same (Canonne, Kamath and Steinke 2020, Theorem 14).
     */
    public RdpAccountant composeGaussian(double noiseMultiplier, long count) {
        return compose(RdpCurve.gaussian(noiseMultiplier, orderList), count);
    }

    /**
     * {@code count} releases of the Laplace mechanism at {@code epsilon} = L1 sensitivity / scale each, by its
     * exact RDP curve ({@link RdpCurve#laplace}).
     */
    public RdpAccountant composeLaplace(double epsilon, long count) {
        return compose(RdpCurve.laplace(epsilon, orderList), count);
    }

    /**
     * {@code count} releases that are each rho-zCDP, such as the discrete Gaussian (rho = Delta^2 / (2 sigma^2)):
     * rho * alpha each.
     */
    public RdpAccountant composeZcdp(double rho, long count) {
        return compose(RdpCurve.zcdp(rho, orderList), count);
    }

    /** One release with this RDP curve, which must be on this accountant's orders. */
    public RdpAccountant compose(RdpCurve curve) {
        return compose(curve, 1);
    }

    /** {@code count} releases, each with this RDP curve, which must be on this accountant's orders. */
    public RdpAccountant compose(RdpCurve curve, long count) {
        Rdp.checkCount(count);
        curve().requireSameOrders(curve);
        if (count == 0) {
            return this;
        }
        for (int i = 0; i < orders.length; i++) {
            rdp[i] += count * curve.values().get(i);
        }
        return this;
    }

    /** The orders, as given. */
    public List<Double> orders() {
        return orderList;
    }

    /** The total RDP per order, in the order of the orders. */
    public double[] rdp() {
        return rdp.clone();
    }

    /** The total so far as an immutable curve. */
    public RdpCurve curve() {
        return RdpCurve.of(orderList, rdp);
    }

    /**
     * The smallest epsilon over the orders at this delta by the tight conversion, which is never larger than the
     * classic one; the result names the conversion.
     */
    public EpsilonResult epsilon(double delta) {
        return epsilon(delta, RdpConversion.TIGHT);
    }

    /** The smallest epsilon over the orders at this delta, by the given conversion. */
    public EpsilonResult epsilon(double delta, RdpConversion conversion) {
        return Rdp.bestEpsilon(orderList, rdp, delta, conversion);
    }

    /**
     * The smallest noise multiplier for which {@code steps} steps at this sampling rate stay within
     * (targetEpsilon, delta) by the tight conversion, to 1e-9 relative (bisection: epsilon falls as noise grows).
     */
    public static double noiseMultiplier(double samplingRate, long steps, double delta, double targetEpsilon,
            List<Double> orders) {
        if (!(targetEpsilon > 0)) {
            throw new IllegalArgumentException("target epsilon must be positive, got " + targetEpsilon);
        }
        double low = 0;
        double high = 1;
        while (epsilonAt(samplingRate, high, steps, delta, orders) > targetEpsilon) {
            low = high;
            high *= 2;
            if (high > 1e6) {
                throw new IllegalArgumentException("no noise multiplier up to 1e6 reaches epsilon " + targetEpsilon
                        + " at delta " + delta + " over " + steps + " steps");
            }
        }
        while (high - low > 1e-9 * high) {
            double middle = (low + high) / 2;
            if (epsilonAt(samplingRate, middle, steps, delta, orders) > targetEpsilon) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return high;
    }

    private static double epsilonAt(double samplingRate, double noiseMultiplier, long steps, double delta,
            List<Double> orders) {
        return new RdpAccountant(orders).composeSubsampledGaussian(samplingRate, noiseMultiplier, steps)
                .epsilon(delta, RdpConversion.TIGHT).epsilon();
    }

    /** An (epsilon, delta) guarantee: epsilon, the order that gave it, and the conversion used. */
    public record EpsilonResult(double epsilon, double order, RdpConversion conversion) {
    }
}
