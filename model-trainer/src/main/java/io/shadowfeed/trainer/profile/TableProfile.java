package io.shadowfeed.trainer.profile;

import io.shadowfeed.trainer.data.ColumnKind;
import io.shadowfeed.trainer.data.DataTable;
import io.shadowfeed.trainer.data.RawTable;

import java.time.DateTimeException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The profile of every column of a table, in the table's order. Serialises to and from JSON as a plain record (for
 * artifact manifests); it carries no values of identifier or free-text columns.
 */
public record TableProfile(List<ColumnProfile> columns) {

    public TableProfile {
        Objects.requireNonNull(columns, "columns");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a table profile needs at least one column");
        }
        Set<String> names = new HashSet<>();
        for (ColumnProfile column : columns) {
            if (!names.add(column.name())) {
                throw new IllegalArgumentException("column '" + column.name() + "' is profiled twice");
            }
            if (column.rowCount() != columns.get(0).rowCount()) {
                throw new IllegalArgumentException("column '" + column.name() + "' was profiled on "
                        + column.rowCount() + " rows, column '" + columns.get(0).name() + "' on "
                        + columns.get(0).rowCount());
            }
        }
    }

    /** Rows of the profiled table. */
    public int rowCount() {
        return columns.get(0).rowCount();
    }

    public List<String> columnNames() {
        return columns.stream().map(ColumnProfile::name).toList();
    }

    /** The named column's profile, or an exception naming the columns there are. */
    public ColumnProfile column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no column '" + name + "' in the profile; the columns"
                        + " are " + columnNames()));
    }

    /** The columns the generator learns ({@link ColumnKind#isModelled()}), in table order. */
    public List<ColumnProfile> modelledColumns() {
        return columns.stream().filter(c -> c.kind().isModelled()).toList();
    }

    /**
     * Types a raw table by this profile: the profile's columns, in its order (other columns of {@code raw} are left
     * out). Continuous values become numbers, datetimes numbers in their unit, booleans {@code "true"} /
     * {@code "false"}; categories, identifiers and free text keep their text.
     *
     * @throws ProfileException when {@code raw} lacks a profiled column, or a cell does not fit its column's kind
     *     (naming the column and the 1-based row)
     */
    public DataTable type(RawTable raw) {
        DataTable.Builder table = DataTable.builder();
        for (ColumnProfile column : columns) {
            int index = raw.columnNames().indexOf(column.name());
            if (index < 0) {
                throw new ProfileException("the table has no column '" + column.name() + "', which the profile"
                        + " has; the table's columns are " + raw.columnNames());
            }
            String[] cells = raw.column(index);
            switch (column.kind()) {
                case CONTINUOUS -> table.addNumeric(column.name(), column.kind(), numbers(column, cells));
                case DATETIME -> table.addNumeric(column.name(), column.kind(), dateTimes(column, cells));
                case BOOLEAN -> table.addCategorical(column.name(), column.kind(), booleans(column, cells));
                default -> table.addCategorical(column.name(), column.kind(), cells);
            }
        }
        return table.build();
    }

    private static double[] numbers(ColumnProfile column, String[] cells) {
        double[] values = new double[cells.length];
        for (int r = 0; r < cells.length; r++) {
            if (cells[r] == null) {
                values[r] = Double.NaN;
                continue;
            }
            values[r] = ValueSyntax.parseNumber(cells[r]);
            if (Double.isNaN(values[r])) {
                throw new ProfileException("column '" + column.name() + "' is continuous but row " + (r + 1)
                        + " is not a number: clean the value, or declare the column categorical in the metadata");
            }
        }
        return values;
    }

    private static double[] dateTimes(ColumnProfile column, String[] cells) {
        DateTimeCodec codec = column.dateTime().codec();
        double[] values = new double[cells.length];
        for (int r = 0; r < cells.length; r++) {
            try {
                values[r] = cells[r] == null ? Double.NaN : codec.parse(cells[r]);
            } catch (DateTimeException e) {
                throw new ProfileException("column '" + column.name() + "' is a datetime in format '"
                        + column.dateTime().pattern() + "' but row " + (r + 1) + " does not fit it: clean the value,"
                        + " or declare the column's \"format\" in the metadata", e);
            }
        }
        return values;
    }

    private static String[] booleans(ColumnProfile column, String[] cells) {
        String[] values = new String[cells.length];
        for (int r = 0; r < cells.length; r++) {
            if (cells[r] == null) {
                continue;
            }
            Boolean value = BooleanTokens.toBoolean(cells[r]);
            if (value == null) {
                throw new ProfileException("column '" + column.name() + "' is boolean but row " + (r + 1)
                        + " is not one of " + BooleanTokens.ACCEPTED + ": clean the value, or declare the column"
                        + " categorical in the metadata");
            }
            values[r] = value.toString();
        }
        return values;
    }
}
