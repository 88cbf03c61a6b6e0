package io.shadowfeed.trainer.evaluate;

import io.shadowfeed.trainer.data.ColumnKind;
import io.shadowfeed.trainer.data.DataTable;

/**
 * One modelled column of the real and the synthetic table, encoded once for all fidelity metrics: numeric columns
 * keep their doubles and also get bin codes over the real range (for contingency tables); categorical columns get
 * codes shared by both tables, the null being a code of its own.
 */
final class EncodedColumn {
    static final int CONTINGENCY_BINS = 10;

    final String name;
    final ColumnKind kind;
    /** Numeric columns only, else null. */
    final double[] realNumbers;
    final double[] syntheticNumbers;
    /** Category codes, or bin codes of a numeric column. */
    final int[] realCodes;
    final int[] syntheticCodes;
    final int codeCount;
    /** Categorical columns only, else null. */
    final CategoryCoder coder;

    private EncodedColumn(String name, ColumnKind kind, double[] realNumbers, double[] syntheticNumbers,
            int[] realCodes, int[] syntheticCodes, int codeCount, CategoryCoder coder) {
        this.name = name;
        this.kind = kind;
        this.realNumbers = realNumbers;
        this.syntheticNumbers = syntheticNumbers;
        this.realCodes = realCodes;
        this.syntheticCodes = syntheticCodes;
        this.codeCount = codeCount;
        this.coder = coder;
    }

    static EncodedColumn of(DataTable real, DataTable synthetic, String column) {
        int r = real.columnIndex(column);
        ColumnKind kind = real.kind(r);
        int s = ModelledColumns.index(synthetic, column, kind, "synthetic");
        if (kind.isNumeric()) {
            double[] realNumbers = real.numbers(r);
            double[] syntheticNumbers = synthetic.numbers(s);
            NumericBins bins = NumericBins.over(realNumbers, CONTINGENCY_BINS);
            return new EncodedColumn(column, kind, realNumbers, syntheticNumbers, bins.encode(realNumbers),
                    bins.encode(syntheticNumbers), bins.codeCount(), null);
        }
        CategoryCoder coder = new CategoryCoder();
        int[] realCodes = coder.encode(real.categories(r));
        int[] syntheticCodes = coder.encode(synthetic.categories(s));
        return new EncodedColumn(column, kind, null, null, realCodes, syntheticCodes, coder.size(), coder);
    }

    boolean isNumeric() {
        return realNumbers != null;
    }
}
