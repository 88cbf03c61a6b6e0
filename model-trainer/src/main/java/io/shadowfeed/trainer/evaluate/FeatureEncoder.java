package io.shadowfeed.trainer.evaluate;

import io.shadowfeed.trainer.data.DataTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

/**
 * Turns rows into classifier features, fitted on the real training data only so that TSTR and TRTR see the same
 * feature space: numeric columns standardised by the real mean and deviation (a null becomes 0 plus a null indicator),
 * categorical columns one-hot over the real categories (the null included; categories the real data lacks get no
 * feature). Feature names are positional, so no category string reaches the classifier's metadata.
 */
final class FeatureEncoder {
    // Category strings are only map keys here; a sentinel no data source produces stands for the null.
    private static final String NULL_KEY = "\u0000null";

    private final List<String> numericColumns = new ArrayList<>();
    private final List<String> categoricalColumns = new ArrayList<>();
    private final double[] means;
    private final double[] deviations;
    private final String[] numericFeatures;
    /** The null indicator of each numeric column, or null where the real data has no nulls. */
    private final String[] nullFeatures;
    private final List<Map<String, String>> categoryFeatures = new ArrayList<>();

    FeatureEncoder(DataTable real, List<String> columns) {
        for (String column : columns) {
            (real.kind(real.columnIndex(column)).isNumeric() ? numericColumns : categoricalColumns).add(column);
        }
        int p = numericColumns.size();
        means = new double[p];
        deviations = new double[p];
        numericFeatures = new String[p];
        nullFeatures = new String[p];
        for (int c = 0; c < p; c++) {
            double[] values = real.numbers(real.columnIndex(numericColumns.get(c)));
            double sum = 0;
            int n = 0;
            for (double v : values) {
                if (!Double.isNaN(v)) {
                    sum += v;
                    n++;
                }
            }
            means[c] = n == 0 ? 0 : sum / n;
            double squares = 0;
            for (double v : values) {
                if (!Double.isNaN(v)) {
                    squares += (v - means[c]) * (v - means[c]);
                }
            }
            double deviation = n < 2 ? 0 : Math.sqrt(squares / (n - 1));
            deviations[c] = deviation > 0 ? deviation : 1;
            numericFeatures[c] = String.format(Locale.ROOT, "n%03d", c);
            nullFeatures[c] = n < values.length ? String.format(Locale.ROOT, "n%03d_null", c) : null;
        }
        for (int c = 0; c < categoricalColumns.size(); c++) {
            Map<String, String> features = new HashMap<>();
            for (String value : real.categories(real.columnIndex(categoricalColumns.get(c)))) {
                String key = value == null ? NULL_KEY : value;
                if (!features.containsKey(key)) {
                    features.put(key, String.format(Locale.ROOT, "c%03d_%d", c, features.size()));
                }
            }
            categoryFeatures.add(features);
        }
    }

    /** Examples for the given rows, labelled with {@code labels[row]}. */
    List<Example<Label>> examples(DataTable table, String[] labels, int[] rows) {
        double[][] numeric = new double[numericColumns.size()][];
        for (int c = 0; c < numeric.length; c++) {
            numeric[c] = table.numbers(table.columnIndex(numericColumns.get(c)));
        }
        String[][] categorical = new String[categoricalColumns.size()][];
        for (int c = 0; c < categorical.length; c++) {
            categorical[c] = table.categories(table.columnIndex(categoricalColumns.get(c)));
        }
        List<Example<Label>> examples = new ArrayList<>(rows.length);
        int width = numeric.length * 2 + categorical.length;
        for (int row : rows) {
            String[] names = new String[width];
            double[] values = new double[width];
            int n = 0;
            for (int c = 0; c < numeric.length; c++) {
                double v = numeric[c][row];
                names[n] = numericFeatures[c];
                values[n++] = Double.isNaN(v) ? 0 : (v - means[c]) / deviations[c];
                if (Double.isNaN(v) && nullFeatures[c] != null) {
                    names[n] = nullFeatures[c];
                    values[n++] = 1;
                }
            }
            for (int c = 0; c < categorical.length; c++) {
                String v = categorical[c][row];
                String feature = categoryFeatures.get(c).get(v == null ? NULL_KEY : v);
                if (feature != null) {
                    names[n] = feature;
                    values[n++] = 1;
                }
            }
            examples.add(new ArrayExample<>(new Label(labels[row]), Arrays.copyOf(names, n),
                    Arrays.copyOf(values, n)));
        }
        return examples;
    }
}
