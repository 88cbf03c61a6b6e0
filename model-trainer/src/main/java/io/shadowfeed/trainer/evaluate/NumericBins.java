package io.shadowfeed.trainer.evaluate;

/**
 * Equal-width bins over a range taken from the real data. Values outside the range (synthetic data may leave it) are
 * clamped into the end bins; a null ({@code NaN}) gets a bin of its own after the regular ones.
 */
final class NumericBins {
    private final double min;
    private final double width;
    private final int bins;

    private NumericBins(double min, double max, int bins) {
        this.min = min;
        this.bins = bins;
        this.width = (max - min) / bins;
    }

    /** Bins over the non-null range of {@code reference}; a column without values gets a dummy range. */
    static NumericBins over(double[] reference, int bins) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : reference) {
            if (!Double.isNaN(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo > hi) {
            lo = 0;
            hi = 0;
        }
        return new NumericBins(lo, hi, bins);
    }

    /** The number of codes: the regular bins plus the null bin. */
    int codeCount() {
        return bins + 1;
    }

    int nullCode() {
        return bins;
    }

    int code(double value) {
        if (Double.isNaN(value)) {
            return bins;
        }
        if (!(width > 0)) {
            return 0;
        }
        double position = (value - min) / width;
        if (position <= 0) {
            return 0;
        }
        return position >= bins ? bins - 1 : (int) position;
    }

    int[] encode(double[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = code(values[i]);
        }
        return out;
    }

    /** The lower edge of a regular bin ({@code 0..bins}; {@code bins} gives the upper edge of the last one). */
    double edge(int index) {
        return min + index * width;
    }

    int binCount() {
        return bins;
    }
}
