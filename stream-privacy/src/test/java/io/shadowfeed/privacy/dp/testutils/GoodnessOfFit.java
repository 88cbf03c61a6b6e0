package io.shadowfeed.privacy.dp.testutils;

import org.apache.commons.math3.stat.inference.ChiSquareTest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongToDoubleFunction;

/**
 * Pearson's chi-squared test of integer samples against an exact probability mass function on the integers.
 * Bins are contiguous ranges, grown outward from {@code center} in both directions until each expects at least
 * {@code max(5, n / 2000)} samples (so at most about 4000 bins); what is left of either tail once it expects fewer
 * joins the last bin on its side, which is open-ended. The pmf is evaluated on [center - reach, center + reach],
 * where the caller guarantees the mass outside is negligible (below 1e-12).
 */
public final class GoodnessOfFit {
    private GoodnessOfFit() {
    }

    /** The p-value; also checks that there were at least 3 bins, so that the test has something to test. */
    public static double chiSquaredPValue(long[] samples, LongToDoubleFunction pmf, long center, int reach) {
        int width = 2 * reach + 1;
        double[] mass = new double[width];
        for (int i = 0; i < width; i++) {
            mass[i] = pmf.applyAsDouble(center - reach + i);
        }
        long[] counts = new long[width];
        long below = 0;
        long above = 0;
        for (long sample : samples) {
            long offset = sample - (center - reach);
            if (offset < 0) {
                below++;
            } else if (offset >= width) {
                above++;
            } else {
                counts[(int) offset]++;
            }
        }
        double n = samples.length;
        double minimum = Math.max(5, n / 2000);
        List<double[]> bins = new ArrayList<>();
        // upward from the center, index reach; then downward from reach - 1
        collect(mass, counts, reach, width, 1, n, minimum, above, bins);
        collect(mass, counts, reach - 1, -1, -1, n, minimum, below, bins);
        if (bins.size() < 3) {
            throw new AssertionError("too few bins for a chi-squared test: " + bins.size());
        }
        double[] expected = new double[bins.size()];
        long[] observed = new long[bins.size()];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = bins.get(i)[0];
            observed[i] = (long) bins.get(i)[1];
        }
        return new ChiSquareTest().chiSquareTest(expected, observed);
    }

    private static void collect(double[] mass, long[] counts, int from, int to, int step, double n, double minimum,
            long outside, List<double[]> bins) {
        double tail = 0;
        for (int i = from; i != to; i += step) {
            tail += mass[i];
        }
        double expected = 0;
        long observed = 0;
        for (int i = from; i != to; i += step) {
            expected += n * mass[i];
            observed += counts[i];
            tail -= mass[i];
            if (expected >= minimum && n * tail >= minimum) {
                bins.add(new double[] {expected, observed});
                expected = 0;
                observed = 0;
            }
        }
        // the rest of this side, open-ended: what is left in range plus anything beyond it
        bins.add(new double[] {expected + n * Math.max(tail, 0), observed + outside});
    }
}
