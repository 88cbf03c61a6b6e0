package io.shadowfeed.trainer.evaluate;

import io.shadowfeed.trainer.data.DataTable;

/**
 * {@code 1 - 0.5 * sum |p - q|} over the category frequencies of a categorical or boolean column (total variation
 * complement). A null is a category of its own.
 */
public final class TvComplement implements ColumnMetric {
    public static final String NAME = "TVComplement";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double compute(DataTable real, DataTable synthetic, String column) {
        int r = ModelledColumns.realIndex(real, column, false, NAME);
        int s = ModelledColumns.index(synthetic, column, real.kind(r), "synthetic");
        return score(real.categories(r), synthetic.categories(s));
    }

    /** The score of two samples of categories ({@code null} entries are the null category). */
    public static double score(String[] real, String[] synthetic) {
        CategoryCoder coder = new CategoryCoder();
        int[] a = coder.encode(real);
        int[] b = coder.encode(synthetic);
        return ofCodes(a, b, coder.size());
    }

    static double ofCodes(int[] real, int[] synthetic, int codeCount) {
        if (real.length == 0 || synthetic.length == 0) {
            return real.length == synthetic.length ? 1 : 0;
        }
        int[] p = new int[codeCount];
        int[] q = new int[codeCount];
        for (int code : real) {
            p[code]++;
        }
        for (int code : synthetic) {
            q[code]++;
        }
        double sum = 0;
        for (int c = 0; c < codeCount; c++) {
            sum += Math.abs(p[c] / (double) real.length - q[c] / (double) synthetic.length);
        }
        return 1 - Math.min(1.0, 0.5 * sum);
    }
}
