package io.shadowfeed.privacy.dp.ledger;

import io.shadowfeed.privacy.dp.accounting.RdpConversion;

import java.util.List;
import java.util.Locale;

/**
 * An (epsilon, delta) guarantee obtained from an RDP curve: the best order and the conversion that gave it.
 *
 * @param epsilon >= 0, possibly infinite
 * @param delta in (0, 1)
 * @param order the RDP order at which the conversion gave the smallest epsilon
 * @param conversion how RDP became (epsilon, delta)
 */
public record EpsilonGuarantee(double epsilon, double delta, double order, RdpConversion conversion) {

    public EpsilonGuarantee {
        LedgerPreconditions.checkArgument(epsilon >= 0, "epsilon must be >= 0. Provided value: %s", epsilon);
        LedgerPreconditions.checkDelta(delta, "delta");
        LedgerPreconditions.checkArgument(order > 1, "order must be > 1. Provided value: %s", order);
        LedgerPreconditions.checkNotNull(conversion, "conversion");
    }

    /**
     * The smallest epsilon at {@code delta} over {@code orders}, for the RDP values {@code rdp} at those orders; 0
     * when nothing was spent (every value 0), which the conversion, having only finite orders, would overstate.
     */
    static EpsilonGuarantee of(List<Double> orders, double[] rdp, double delta, RdpConversion conversion) {
        boolean nothing = true;
        for (double value : rdp) {
            nothing &= value == 0;
        }
        double best = Double.POSITIVE_INFINITY;
        double bestOrder = orders.get(0);
        for (int i = 0; i < rdp.length; i++) {
            double epsilon = conversion.epsilon(rdp[i], orders.get(i), delta);
            if (epsilon < best) {
                best = epsilon;
                bestOrder = orders.get(i);
            }
        }
        return new EpsilonGuarantee(nothing ? 0 : Math.max(best, 0), delta, bestOrder, conversion);
    }

    @Override
    public String toString() {
        return "epsilon " + epsilon + " at delta " + delta + " (order " + order + ", "
                + conversion.name().toLowerCase(Locale.ROOT) + " conversion)";
    }
}
