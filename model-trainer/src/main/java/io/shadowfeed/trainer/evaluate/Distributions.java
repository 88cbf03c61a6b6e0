package io.shadowfeed.trainer.evaluate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** Builds the {@link ColumnDistribution} aggregates that the HTML report plots. */
final class Distributions {

    private Distributions() {
    }

    static ColumnDistribution of(EncodedColumn column, int bins, int topCategories) {
        return column.isNumeric() ? numeric(column, bins) : categorical(column, topCategories);
    }

    private static ColumnDistribution numeric(EncodedColumn column, int binCount) {
        NumericBins bins = NumericBins.over(column.realNumbers, binCount);
        double[] real = shares(bins.encode(column.realNumbers), bins.codeCount());
        double[] synthetic = shares(bins.encode(column.syntheticNumbers), bins.codeCount());
        List<String> labels = new ArrayList<>();
        List<Double> edges = new ArrayList<>();
        for (int b = 0; b < binCount; b++) {
            labels.add(format(bins.edge(b)) + " to " + format(bins.edge(b + 1)));
            edges.add(bins.edge(b));
        }
        edges.add(bins.edge(binCount));
        return new ColumnDistribution(column.name, column.kind, labels, list(real, binCount),
                list(synthetic, binCount), edges, real[bins.nullCode()], synthetic[bins.nullCode()], 0);
    }

    private static ColumnDistribution categorical(EncodedColumn column, int top) {
        int codes = column.codeCount;
        double[] real = shares(column.realCodes, codes);
        double[] synthetic = shares(column.syntheticCodes, codes);
        // Most frequent in the real data first; synthetic-only categories after them, ties by name for stability.
        List<Integer> order = IntStream.range(1, codes).boxed()
                .sorted(Comparator.<Integer>comparingDouble(c -> -real[c])
                        .thenComparingDouble(c -> -synthetic[c])
                        .thenComparing(column.coder::category))
                .toList();
        int shown = Math.min(top, order.size());
        List<String> labels = new ArrayList<>();
        List<Double> realShares = new ArrayList<>();
        List<Double> syntheticShares = new ArrayList<>();
        for (int i = 0; i < shown; i++) {
            int code = order.get(i);
            labels.add(column.coder.category(code));
            realShares.add(real[code]);
            syntheticShares.add(synthetic[code]);
        }
        int other = order.size() - shown;
        if (other > 0) {
            double realRest = 0;
            double syntheticRest = 0;
            for (int i = shown; i < order.size(); i++) {
                realRest += real[order.get(i)];
                syntheticRest += synthetic[order.get(i)];
            }
            labels.add("(" + other + " other categories)");
            realShares.add(realRest);
            syntheticShares.add(syntheticRest);
        }
        return new ColumnDistribution(column.name, column.kind, labels, realShares, syntheticShares, List.of(),
                real[CategoryCoder.NULL_CODE], synthetic[CategoryCoder.NULL_CODE], other);
    }

    private static double[] shares(int[] codes, int codeCount) {
        double[] shares = new double[codeCount];
        for (int code : codes) {
            shares[code]++;
        }
        for (int c = 0; c < codeCount; c++) {
            shares[c] = codes.length == 0 ? 0 : shares[c] / codes.length;
        }
        return shares;
    }

    private static List<Double> list(double[] values, int count) {
        List<Double> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(values[i]);
        }
        return out;
    }

    /** Plain notation, no exponent: whole numbers from 1000 up, two decimals from 1, four significant digits below. */
    static String format(double value) {
        return PlainNumbers.format(value);
    }
}
