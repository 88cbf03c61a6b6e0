package io.shadowfeed.trainer.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A table as read from a file, before profiling: every cell is its source text, {@code null} where the source has
 * no value. Column-major and immutable.
 */
public final class RawTable {
    private final List<String> columnNames;
    private final String[][] columns;
    private final int rowCount;

    private RawTable(List<String> columnNames, String[][] columns, int rowCount) {
        this.columnNames = List.copyOf(columnNames);
        this.columns = columns;
        this.rowCount = rowCount;
    }

    /** A table from columns of equal length; the arrays are copied. */
    public static RawTable of(List<String> columnNames, List<String[]> columns) {
        Objects.requireNonNull(columnNames, "columnNames");
        Objects.requireNonNull(columns, "columns");
        if (columnNames.size() != columns.size()) {
            throw new IllegalArgumentException(
                    "got " + columnNames.size() + " column names but " + columns.size() + " columns");
        }
        if (columnNames.stream().distinct().count() != columnNames.size()) {
            throw new IllegalArgumentException("column names repeat: " + columnNames);
        }
        int rows = columns.isEmpty() ? 0 : columns.get(0).length;
        String[][] copy = new String[columns.size()][];
        for (int c = 0; c < copy.length; c++) {
            if (columns.get(c).length != rows) {
                throw new IllegalArgumentException("column '" + columnNames.get(c) + "' has "
                        + columns.get(c).length + " rows, the first column has " + rows);
            }
            copy[c] = columns.get(c).clone();
        }
        return new RawTable(columnNames, copy, rows);
    }

    /** A table from rows (each the width of {@code columnNames}). */
    public static RawTable fromRows(List<String> columnNames, List<String[]> rows) {
        List<String[]> columns = new ArrayList<>(columnNames.size());
        for (int c = 0; c < columnNames.size(); c++) {
            columns.add(new String[rows.size()]);
        }
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            if (row.length != columnNames.size()) {
                throw new IllegalArgumentException(
                        "row " + r + " has " + row.length + " cells, expected " + columnNames.size());
            }
            for (int c = 0; c < row.length; c++) {
                columns.get(c)[r] = row[c];
            }
        }
        return new RawTable(List.copyOf(columnNames), columns.toArray(new String[0][]), rows.size());
    }

    public List<String> columnNames() {
        return columnNames;
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

    public String cell(int column, int row) {
        return columns[column][row];
    }

    /** A copy of one column. */
    public String[] column(int column) {
        return columns[column].clone();
    }

    /** The rows at the given positions, in that order. */
    public RawTable selectRows(int[] rows) {
        String[][] picked = new String[columns.length][rows.length];
        for (int c = 0; c < columns.length; c++) {
            for (int i = 0; i < rows.length; i++) {
                picked[c][i] = columns[c][rows[i]];
            }
        }
        return new RawTable(columnNames, picked, rows.length);
    }

    @Override
    public String toString() {
        return "RawTable" + columnNames + " x " + rowCount + " rows";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawTable other && columnNames.equals(other.columnNames)
                && Arrays.deepEquals(columns, other.columns);
    }

    @Override
    public int hashCode() {
        return columnNames.hashCode() * 31 + rowCount;
    }
}
