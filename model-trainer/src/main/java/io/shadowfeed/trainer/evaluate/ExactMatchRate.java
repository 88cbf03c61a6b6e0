package io.shadowfeed.trainer.evaluate;

import io.shadowfeed.trainer.data.DataTable;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The share of synthetic rows identical, over the real table's modelled columns, to some real (training) row: rows
 * the generator copied. Numbers compare exactly, nulls equal nulls. Rows are hashed, so the cost is linear.
 */
public final class ExactMatchRate implements TableMetric {
    public static final String NAME = "ExactMatchRate";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Goal goal() {
        return Goal.MINIMIZE;
    }

    @Override
    public double compute(DataTable real, DataTable synthetic) {
        List<String> columns = ModelledColumns.of(real);
        if (columns.isEmpty()) {
            throw new IncompatibleTablesException("the real table has no modelled column to compare rows on");
        }
        ModelledColumns.requireAligned(real, synthetic, "synthetic");
        if (synthetic.rowCount() == 0) {
            return 0;
        }
        CategoryCoder[] coders = new CategoryCoder[columns.size()];
        Arrays.setAll(coders, c -> new CategoryCoder());
        Set<RowKey> training = new HashSet<>(2 * real.rowCount());
        for (long[] row : keys(real, columns, coders)) {
            training.add(new RowKey(row));
        }
        int matches = 0;
        for (long[] row : keys(synthetic, columns, coders)) {
            if (training.contains(new RowKey(row))) {
                matches++;
            }
        }
        return matches / (double) synthetic.rowCount();
    }

    private static long[][] keys(DataTable table, List<String> columns, CategoryCoder[] coders) {
        long[][] rows = new long[table.rowCount()][columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            int index = table.columnIndex(columns.get(c));
            if (table.kind(index).isNumeric()) {
                double[] values = table.numbers(index);
                for (int r = 0; r < values.length; r++) {
                    // + 0.0 folds -0.0 into 0.0; doubleToLongBits folds every NaN into one null.
                    rows[r][c] = Double.doubleToLongBits(values[r] + 0.0);
                }
            } else {
                String[] values = table.categories(index);
                for (int r = 0; r < values.length; r++) {
                    rows[r][c] = coders[c].code(values[r]);
                }
            }
        }
        return rows;
    }

    private static final class RowKey {
        private final long[] values;
        private final int hash;

        RowKey(long[] values) {
            this.values = values;
            this.hash = Arrays.hashCode(values);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof RowKey other && hash == other.hash && Arrays.equals(values, other.values);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
