package io.shadowfeed.job.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Orders tables so that every parent comes before its children: the job wires a child's linkage after its parents'
 * synthesis. Self-references do not count (they are linked by key alone); any other cycle is a spec error.
 */
public final class TableOrder {

    private TableOrder() {}

    public static List<TableSpec> parentsFirst(List<TableSpec> tables, Function<String, SpecException> fail) {
        Map<String, TableSpec> byName = new LinkedHashMap<>();
        tables.forEach(t -> byName.put(t.name(), t));
        List<TableSpec> ordered = new ArrayList<>();
        Map<String, Boolean> visiting = new LinkedHashMap<>();
        for (TableSpec table : tables) {
            visit(table, byName, visiting, ordered, fail);
        }
        return ordered;
    }

    private static void visit(TableSpec table, Map<String, TableSpec> byName, Map<String, Boolean> state,
            List<TableSpec> ordered, Function<String, SpecException> fail) {
        Boolean done = state.get(table.name());
        if (Boolean.TRUE.equals(done)) {
            return;
        }
        if (Boolean.FALSE.equals(done)) {
            throw fail.apply("foreign keys form a cycle through table '" + table.name() + "' " + state.keySet()
                    + "; only a table referencing itself is supported");
        }
        state.put(table.name(), false);
        for (ForeignKeySpec fk : table.parentKeys()) {
            visit(byName.get(fk.parentTable()), byName, state, ordered, fail);
        }
        state.put(table.name(), true);
        ordered.add(table);
    }
}
