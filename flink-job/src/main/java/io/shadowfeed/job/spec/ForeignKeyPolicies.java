package io.shadowfeed.job.spec;

import io.shadowfeed.privacy.pii.policy.FieldPolicy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Gives every foreign key the policy of the key it references, so that a pseudonymized or encrypted key still joins
 * with its children in the output. A foreign key that declares a different policy is an error: the join would break.
 */
final class ForeignKeyPolicies {

    private ForeignKeyPolicies() {}

    static List<TableSpec> inherit(List<TableSpec> tables, Function<String, SpecException> fail) {
        Map<String, TableSpec> byName = new LinkedHashMap<>();
        tables.forEach(t -> byName.put(t.name(), t));
        // Chains (line -> invoice -> customer) settle in at most one pass per table.
        for (int pass = 0; pass <= tables.size(); pass++) {
            boolean changed = false;
            for (TableSpec table : List.copyOf(byName.values())) {
                List<FieldSpec> fields = new ArrayList<>(table.fields());
                boolean tableChanged = false;
                for (ForeignKeySpec fk : table.foreignKeys()) {
                    FieldPolicy parentPolicy = byName.get(fk.parentTable()).field(fk.parentField()).policy();
                    int position = table.schema().indexOf(fk.field());
                    FieldSpec child = fields.get(position);
                    if (child.origin() == PolicyOrigin.DECLARED) {
                        if (!child.policy().equals(parentPolicy)) {
                            throw fail.apply("table '" + table.name() + "', field '" + fk.field() + "': a foreign key "
                                    + "must use the policy of the key it references (" + fk.parentTable() + "."
                                    + fk.parentField() + " uses '" + parentPolicy.spec() + "', this field declares '"
                                    + child.policy().spec() + "'); remove its policy or declare the same one");
                        }
                    } else if (child.origin() != PolicyOrigin.FOREIGN_KEY || !child.policy().equals(parentPolicy)) {
                        fields.set(position, child.withPolicy(parentPolicy, PolicyOrigin.FOREIGN_KEY));
                        tableChanged = true;
                    }
                }
                if (tableChanged) {
                    byName.put(table.name(), table.withFields(fields));
                    changed = true;
                }
            }
            if (!changed) {
                return List.copyOf(byName.values());
            }
        }
        throw fail.apply("foreign keys form a cycle whose policies do not settle: " + byName.keySet());
    }
}
