package io.shadowfeed.trainer.evaluate;

import io.shadowfeed.trainer.data.ColumnKind;
import io.shadowfeed.trainer.data.DataTable;
import java.util.ArrayList;
import java.util.List;

/** Which columns take part in an evaluation (the real table's modelled ones) and checks that the others have them. */
final class ModelledColumns {

    private ModelledColumns() {
    }

    static List<String> of(DataTable real) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < real.columnCount(); c++) {
            if (real.kind(c).isModelled()) {
                names.add(real.columnNames().get(c));
            }
        }
        return names;
    }

    /** Every modelled column of {@code real} is in {@code other} with the same kind; extra columns are ignored. */
    static void requireAligned(DataTable real, DataTable other, String role) {
        for (String name : of(real)) {
            index(other, name, real.kind(real.columnIndex(name)), role);
        }
    }

    /** The column's position in {@code table}, which must hold it with the given kind. */
    static int index(DataTable table, String column, ColumnKind expected, String role) {
        int index = table.columnNames().indexOf(column);
        if (index < 0) {
            throw new IncompatibleTablesException("the " + role + " table has no column '" + column
                    + "' (the real table models it); its columns are " + table.columnNames());
        }
        if (table.kind(index) != expected) {
            throw new IncompatibleTablesException("column '" + column + "' is " + table.kind(index) + " in the "
                    + role + " table but " + expected + " in the real table; give both the same kind");
        }
        return index;
    }

    /** The real table's column, which must be modelled and numeric or categorical as {@code numeric} says. */
    static int realIndex(DataTable real, String column, boolean numeric, String metric) {
        int index = real.columnNames().indexOf(column);
        if (index < 0) {
            throw new IncompatibleTablesException(
                    "the real table has no column '" + column + "'; its columns are " + real.columnNames());
        }
        ColumnKind kind = real.kind(index);
        boolean fits = numeric ? kind.isNumeric() : kind.isCategorical();
        if (!fits) {
            throw new IncompatibleTablesException(metric + " needs a " + (numeric ? "numeric" : "categorical")
                    + " column, but '" + column + "' is " + kind);
        }
        return index;
    }
}
