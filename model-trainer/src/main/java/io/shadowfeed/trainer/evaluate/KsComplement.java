package io.shadowfeed.trainer.evaluate;

import io.shadowfeed.trainer.data.DataTable;
import java.util.Arrays;

/**
 * {@code 1 - D}, where D is the two-sample Kolmogorov-Smirnov statistic (the largest gap between the two empirical
 * distribution functions) of a numeric or datetime column. Nulls are dropped on both sides; a column that has values
 * on one side only scores 0, one without values on either side scores 1.
 */
public final class KsComplement implements ColumnMetric {
    public static final String NAME = "KSComplement";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double compute(DataTable real, DataTable synthetic, String column) {
        int r = ModelledColumns.realIndex(real, column, true, NAME);
        int s = ModelledColumns.index(synthetic, column, real.kind(r), "synthetic");
        return score(real.numbers(r), synthetic.numbers(s));
    }

    /** The score of two samples ({@code NaN} entries are nulls and dropped). */
    public static double score(double[] real, double[] synthetic) {
        double[] a = sortedValues(real);
        double[] b = sortedValues(synthetic);
        if (a.length == 0 || b.length == 0) {
            return a.length == b.length ? 1 : 0;
        }
        return 1 - statisticOfSorted(a, b);
    }

    /**
     * The KS statistic D of two samples, exact (no binning). {@code NaN} entries are dropped; each sample must keep at
     * least one value.
     */
    public static double statistic(double[] first, double[] second) {
        double[] a = sortedValues(first);
        double[] b = sortedValues(second);
        if (a.length == 0 || b.length == 0) {
            throw new IllegalArgumentException("the KS statistic needs a non-null value in both samples; got "
                    + a.length + " and " + b.length);
        }
        return statisticOfSorted(a, b);
    }

    private static double[] sortedValues(double[] values) {
        double[] out = new double[values.length];
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                out[n++] = v;
            }
        }
        out = n == out.length ? out : Arrays.copyOf(out, n);
        Arrays.sort(out);
        return out;
    }

    private static double statisticOfSorted(double[] a, double[] b) {
        double n = a.length;
        double m = b.length;
        int i = 0;
        int j = 0;
        double d = 0;
        // Step both empirical CDFs past every copy of the next smallest value before comparing, so ties are exact.
        while (i < a.length && j < b.length) {
            double x = Math.min(a[i], b[j]);
            while (i < a.length && a[i] <= x) {
                i++;
            }
            while (j < b.length && b[j] <= x) {
                j++;
            }
            d = Math.max(d, Math.abs(i / n - j / m));
        }
        return d;
    }
}
