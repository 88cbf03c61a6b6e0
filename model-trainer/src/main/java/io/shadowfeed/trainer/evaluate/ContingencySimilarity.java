package io.shadowfeed.trainer.evaluate;

import io.shadowfeed.trainer.data.DataTable;

/**
 * {@code 1 - 0.5 * sum |P - Q|} over the normalised two-way frequency tables of a pair of columns. A numeric column
 * is cut into 10 equal-width bins over the real data's range, synthetic values outside it going to the end bins; a
 * null is a category (or bin) of its own.
 */
public final class ContingencySimilarity implements ColumnPairMetric {
    public static final String NAME = "ContingencySimilarity";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double compute(DataTable real, DataTable synthetic, String first, String second) {
        requireModelled(real, first);
        requireModelled(real, second);
        return ofEncoded(EncodedColumn.of(real, synthetic, first), EncodedColumn.of(real, synthetic, second));
    }

    /** The score of two categorical columns given as category arrays ({@code null} entries are the null category). */
    public static double score(String[] realFirst, String[] realSecond, String[] syntheticFirst,
            String[] syntheticSecond) {
        CategoryCoder firstCoder = new CategoryCoder();
        CategoryCoder secondCoder = new CategoryCoder();
        int[] rf = firstCoder.encode(realFirst);
        int[] rs = secondCoder.encode(realSecond);
        int[] sf = firstCoder.encode(syntheticFirst);
        int[] ss = secondCoder.encode(syntheticSecond);
        return 1 - CrossTab.totalVariation(CrossTab.of(rf, firstCoder.size(), rs, secondCoder.size()),
                CrossTab.of(sf, firstCoder.size(), ss, secondCoder.size()));
    }

    static double ofEncoded(EncodedColumn first, EncodedColumn second) {
        return 1 - CrossTab.totalVariation(realTable(first, second), syntheticTable(first, second));
    }

    static CrossTab realTable(EncodedColumn first, EncodedColumn second) {
        return CrossTab.of(first.realCodes, first.codeCount, second.realCodes, second.codeCount);
    }

    static CrossTab syntheticTable(EncodedColumn first, EncodedColumn second) {
        return CrossTab.of(first.syntheticCodes, first.codeCount, second.syntheticCodes, second.codeCount);
    }

    private static void requireModelled(DataTable real, String column) {
        int index = real.columnNames().indexOf(column);
        if (index < 0) {
            throw new IncompatibleTablesException(
                    "the real table has no column '" + column + "'; its columns are " + real.columnNames());
        }
        if (!real.kind(index).isModelled()) {
            throw new IncompatibleTablesException(NAME + " needs modelled columns, but '" + column + "' is "
                    + real.kind(index));
        }
    }
}
