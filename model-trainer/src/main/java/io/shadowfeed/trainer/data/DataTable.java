package io.shadowfeed.trainer.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A typed table: numeric columns ({@link ColumnKind#isNumeric()}) hold doubles with {@code NaN} for a null,
 * every other column holds strings with {@code null} for a null. Column-major and immutable: accessors never hand
 * out the backing arrays.
 */
public final class DataTable {
    private final List<String> columnNames;
    private final List<ColumnKind> kinds;
    private final double[][] numeric;
    private final String[][] text;
    private final int rowCount;

    private DataTable(List<String> columnNames, List<ColumnKind> kinds, double[][] numeric, String[][] text,
            int rowCount) {
        this.columnNames = List.copyOf(columnNames);
        this.kinds = List.copyOf(kinds);
        this.numeric = numeric;
        this.text = text;
        this.rowCount = rowCount;
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<String> columnNames() {
        return columnNames;
    }

    public List<ColumnKind> kinds() {
        return kinds;
    }

    public ColumnKind kind(int column) {
        return kinds.get(column);
    }

    public int columnCount() {
        return columnNames.size();
    }

    public int rowCount() {
        return rowCount;
    }

    /** The column's position, or an exception naming the columns there are. */
    public int columnIndex(String name) {
        int index = columnNames.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no column '" + name + "'; the columns are " + columnNames);
        }
        return index;
    }

    /** A numeric cell; {@code NaN} is a null. */
    public double number(int column, int row) {
        double[] values = numeric[column];
        if (values == null) {
            throw new IllegalStateException("column '" + columnNames.get(column) + "' is " + kinds.get(column)
                    + ", not numeric");
        }
        return values[row];
    }

    /** A category or text cell; {@code null} is a null. */
    public String category(int column, int row) {
        String[] values = text[column];
        if (values == null) {
            throw new IllegalStateException("column '" + columnNames.get(column) + "' is " + kinds.get(column)
                    + ", not categorical");
        }
        return values[row];
    }

    public boolean isNull(int column, int row) {
        return numeric[column] != null ? Double.isNaN(numeric[column][row]) : text[column][row] == null;
    }

    /** A copy of a numeric column. */
    public double[] numbers(int column) {
        if (numeric[column] == null) {
            throw new IllegalStateException("column '" + columnNames.get(column) + "' is " + kinds.get(column)
                    + ", not numeric");
        }
        return numeric[column].clone();
    }

    /** A copy of a category or text column. */
    public String[] categories(int column) {
        if (text[column] == null) {
            throw new IllegalStateException("column '" + columnNames.get(column) + "' is " + kinds.get(column)
                    + ", not categorical");
        }
        return text[column].clone();
    }

    /** The rows at the given positions, in that order. */
    public DataTable selectRows(int[] rows) {
        double[][] n = new double[numeric.length][];
        String[][] t = new String[text.length][];
        for (int c = 0; c < columnNames.size(); c++) {
            if (numeric[c] != null) {
                n[c] = new double[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    n[c][i] = numeric[c][rows[i]];
                }
            } else {
                t[c] = new String[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    t[c][i] = text[c][rows[i]];
                }
            }
        }
        return new DataTable(columnNames, kinds, n, t, rows.length);
    }

    /** The named columns, in that order. */
    public DataTable selectColumns(List<String> names) {
        Builder builder = builder();
        for (String name : names) {
            int c = columnIndex(name);
            if (numeric[c] != null) {
                builder.addNumeric(name, kinds.get(c), numeric[c]);
            } else {
                builder.addCategorical(name, kinds.get(c), text[c]);
            }
        }
        return builder.build();
    }

    /** The same rows with the columns of {@code other} (same row count) appended. */
    public DataTable withColumnsOf(DataTable other) {
        if (other.rowCount != rowCount) {
            throw new IllegalArgumentException("cannot join " + other.rowCount + " rows onto " + rowCount);
        }
        Builder builder = builder();
        for (DataTable part : List.of(this, other)) {
            for (int c = 0; c < part.columnCount(); c++) {
                if (part.numeric[c] != null) {
                    builder.addNumeric(part.columnNames.get(c), part.kinds.get(c), part.numeric[c]);
                } else {
                    builder.addCategorical(part.columnNames.get(c), part.kinds.get(c), part.text[c]);
                }
            }
        }
        return builder.build();
    }

    /** The rows of several tables with the same columns, in order. */
    public static DataTable concat(List<DataTable> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to concatenate");
        }
        DataTable first = parts.get(0);
        int rows = 0;
        for (DataTable part : parts) {
            if (!part.columnNames.equals(first.columnNames) || !part.kinds.equals(first.kinds)) {
                throw new IllegalArgumentException("cannot concatenate tables with columns " + first.columnNames
                        + " and " + part.columnNames);
            }
            rows += part.rowCount;
        }
        double[][] n = new double[first.columnCount()][];
        String[][] t = new String[first.columnCount()][];
        for (int c = 0; c < first.columnCount(); c++) {
            int at = 0;
            if (first.numeric[c] != null) {
                n[c] = new double[rows];
                for (DataTable part : parts) {
                    System.arraycopy(part.numeric[c], 0, n[c], at, part.rowCount);
                    at += part.rowCount;
                }
            } else {
                t[c] = new String[rows];
                for (DataTable part : parts) {
                    System.arraycopy(part.text[c], 0, t[c], at, part.rowCount);
                    at += part.rowCount;
                }
            }
        }
        return new DataTable(first.columnNames, first.kinds, n, t, rows);
    }

    @Override
    public String toString() {
        return "DataTable" + columnNames + " x " + rowCount + " rows";
    }

    /** Collects columns of equal length; arrays are copied on add. */
    public static final class Builder {
        private final List<String> names = new ArrayList<>();
        private final List<ColumnKind> kinds = new ArrayList<>();
        private final List<double[]> numeric = new ArrayList<>();
        private final List<String[]> text = new ArrayList<>();
        private int rowCount = -1;

        private Builder() {
        }

        /** A numeric column ({@code CONTINUOUS} or {@code DATETIME}); {@code NaN} is a null. */
        public Builder addNumeric(String name, ColumnKind kind, double[] values) {
            Objects.requireNonNull(values, "values");
            if (!kind.isNumeric()) {
                throw new IllegalArgumentException("column '" + name + "' is " + kind + ", not a numeric kind");
            }
            add(name, kind, values.length);
            numeric.add(values.clone());
            text.add(null);
            return this;
        }

        /** A category or text column; {@code null} is a null. */
        public Builder addCategorical(String name, ColumnKind kind, String[] values) {
            Objects.requireNonNull(values, "values");
            if (kind.isNumeric()) {
                throw new IllegalArgumentException("column '" + name + "' is " + kind + ", a numeric kind");
            }
            add(name, kind, values.length);
            numeric.add(null);
            text.add(values.clone());
            return this;
        }

        private void add(String name, ColumnKind kind, int rows) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            if (names.contains(name)) {
                throw new IllegalArgumentException("column '" + name + "' is added twice");
            }
            if (rowCount >= 0 && rows != rowCount) {
                throw new IllegalArgumentException(
                        "column '" + name + "' has " + rows + " rows, the others have " + rowCount);
            }
            rowCount = rows;
            names.add(name);
            kinds.add(kind);
        }

        public DataTable build() {
            return new DataTable(names, kinds, numeric.toArray(new double[0][]), text.toArray(new String[0][]),
                    Math.max(rowCount, 0));
        }
    }
}
