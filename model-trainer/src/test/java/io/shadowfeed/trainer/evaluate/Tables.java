package io.shadowfeed.trainer.evaluate;

import io.shadowfeed.trainer.data.ColumnKind;
import io.shadowfeed.trainer.data.DataTable;
import java.util.Random;

/** Small hand-made tables for metric tests. */
final class Tables {

    private Tables() {
    }

    static DataTable numeric(String name, double... values) {
        return DataTable.builder().addNumeric(name, ColumnKind.CONTINUOUS, values).build();
    }

    static DataTable categorical(String name, String... values) {
        return DataTable.builder().addCategorical(name, ColumnKind.DISCRETE, values).build();
    }

    /** Every column of {@code table} permuted on its own: marginals kept, relationships destroyed. */
    static DataTable shuffleEachColumn(DataTable table, long seed) {
        Random random = new Random(seed);
        DataTable.Builder builder = DataTable.builder();
        for (int c = 0; c < table.columnCount(); c++) {
            int[] order = permutation(table.rowCount(), random);
            String name = table.columnNames().get(c);
            if (table.kind(c).isNumeric()) {
                double[] values = table.numbers(c);
                double[] shuffled = new double[values.length];
                for (int i = 0; i < values.length; i++) {
                    shuffled[i] = values[order[i]];
                }
                builder.addNumeric(name, table.kind(c), shuffled);
            } else {
                String[] values = table.categories(c);
                String[] shuffled = new String[values.length];
                for (int i = 0; i < values.length; i++) {
                    shuffled[i] = values[order[i]];
                }
                builder.addCategorical(name, table.kind(c), shuffled);
            }
        }
        return builder.build();
    }

    static int[] permutation(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
