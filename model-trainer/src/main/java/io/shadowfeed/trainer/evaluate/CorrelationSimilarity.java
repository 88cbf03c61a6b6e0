package io.shadowfeed.trainer.evaluate;

import io.shadowfeed.trainer.data.DataTable;

/**
 * {@code 1 - |r_real - r_synthetic| / 2} for two numeric columns, r being Pearson's correlation over the rows where
 * both columns have a value. {@code NaN} when r is undefined on either side (fewer than two such rows, or a constant
 * column); {@link ColumnPairTrends} then falls back to {@link ContingencySimilarity}.
 */
public final class CorrelationSimilarity implements ColumnPairMetric {
    public static final String NAME = "CorrelationSimilarity";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double compute(DataTable real, DataTable synthetic, String first, String second) {
        int r1 = ModelledColumns.realIndex(real, first, true, NAME);
        int r2 = ModelledColumns.realIndex(real, second, true, NAME);
        int s1 = ModelledColumns.index(synthetic, first, real.kind(r1), "synthetic");
        int s2 = ModelledColumns.index(synthetic, second, real.kind(r2), "synthetic");
        return score(real.numbers(r1), real.numbers(r2), synthetic.numbers(s1), synthetic.numbers(s2));
    }

    public static double score(double[] realFirst, double[] realSecond, double[] syntheticFirst,
            double[] syntheticSecond) {
        return ofCorrelations(pearson(realFirst, realSecond), pearson(syntheticFirst, syntheticSecond));
    }

    static double ofCorrelations(double real, double synthetic) {
        return 1 - Math.abs(real - synthetic) / 2;
    }

    /**
     * Pearson's r over the positions where both arrays hold a value (not {@code NaN}); {@code NaN} when undefined.
     * Two passes (means first) so that large offsets such as epoch timestamps lose no precision.
     */
    public static double pearson(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("pearson needs equal lengths; got " + x.length + " and " + y.length);
        }
        int n = 0;
        double sumX = 0;
        double sumY = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                n++;
                sumX += x[i];
                sumY += y[i];
            }
        }
        if (n < 2) {
            return Double.NaN;
        }
        double meanX = sumX / n;
        double meanY = sumY / n;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                double dx = x[i] - meanX;
                double dy = y[i] - meanY;
                sxx += dx * dx;
                syy += dy * dy;
                sxy += dx * dy;
            }
        }
        if (sxx <= 0 || syy <= 0) {
            return Double.NaN;
        }
        return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
    }
}
