package io.shadowfeed.trainer.evaluate;

import io.shadowfeed.trainer.data.DataTable;
import java.util.List;

/**
 * Rows of a table packed row-major into primitive arrays for distance loops: numeric columns scaled by the real
 * range ({@code NaN} = null), categorical columns as codes shared by all tables of one evaluation (0 = null).
 */
final class RowMatrix {
    final int rows;
    final int numericWidth;
    final int categoricalWidth;
    final double[] numeric;
    final int[] categorical;

    private RowMatrix(int rows, int numericWidth, int categoricalWidth, double[] numeric, int[] categorical) {
        this.rows = rows;
        this.numericWidth = numericWidth;
        this.categoricalWidth = categoricalWidth;
        this.numeric = numeric;
        this.categorical = categorical;
    }

    int width() {
        return numericWidth + categoricalWidth;
    }

    /** How columns are scaled and coded; fitted on the real (training) table, shared by the others. */
    static final class Layout {
        private final List<String> numericColumns;
        private final List<String> categoricalColumns;
        private final double[] offsets;
        private final double[] scales;
        private final CategoryCoder[] coders;

        Layout(DataTable real, List<String> columns) {
            this.numericColumns = columns.stream().filter(c -> real.kind(real.columnIndex(c)).isNumeric()).toList();
            this.categoricalColumns = columns.stream().filter(c -> !real.kind(real.columnIndex(c)).isNumeric())
                    .toList();
            this.offsets = new double[numericColumns.size()];
            this.scales = new double[numericColumns.size()];
            for (int c = 0; c < numericColumns.size(); c++) {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (double v : real.numbers(real.columnIndex(numericColumns.get(c)))) {
                    if (!Double.isNaN(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
                offsets[c] = lo > hi ? 0 : lo;
                // A zero range cannot scale; 0 marks "equal to the one real value or not" (see pack).
                scales[c] = hi > lo ? 1 / (hi - lo) : 0;
            }
            this.coders = new CategoryCoder[categoricalColumns.size()];
            for (int c = 0; c < coders.length; c++) {
                coders[c] = new CategoryCoder();
            }
        }

        RowMatrix pack(DataTable table, int[] rowIndexes) {
            int n = rowIndexes.length;
            int p = numericColumns.size();
            int q = categoricalColumns.size();
            double[] numeric = new double[n * p];
            int[] categorical = new int[n * q];
            for (int c = 0; c < p; c++) {
                double[] values = table.numbers(table.columnIndex(numericColumns.get(c)));
                for (int i = 0; i < n; i++) {
                    double v = values[rowIndexes[i]];
                    double scaled;
                    if (Double.isNaN(v)) {
                        scaled = Double.NaN;
                    } else if (scales[c] == 0) {
                        scaled = v == offsets[c] ? 0 : 1;
                    } else {
                        scaled = (v - offsets[c]) * scales[c];
                    }
                    numeric[i * p + c] = scaled;
                }
            }
            for (int c = 0; c < q; c++) {
                String[] values = table.categories(table.columnIndex(categoricalColumns.get(c)));
                for (int i = 0; i < n; i++) {
                    categorical[i * q + c] = coders[c].code(values[rowIndexes[i]]);
                }
            }
            return new RowMatrix(n, p, q, numeric, categorical);
        }
    }
}
