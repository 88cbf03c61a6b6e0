package io.shadowfeed.job.sanitize;

import io.shadowfeed.avro.schema.FieldSchema;
import io.shadowfeed.job.spec.FieldSpec;
import io.shadowfeed.job.spec.TableSpec;
import io.shadowfeed.privacy.pii.policy.FieldPolicies;
import io.shadowfeed.privacy.pii.policy.FieldPolicy;
import io.shadowfeed.privacy.pii.policy.RowContext;
import io.shadowfeed.privacy.pii.policy.RowLayout;

import java.io.Serializable;

/**
 * Applies a table's field policies to one row and lays the result out in the output schema's order. Plain Java: the
 * Flink operator and {@code shadowfeed pii apply} share it. Fakes get the row's context (its locale field and its
 * entity key), so one person's fields agree with each other and with the same person in other tables.
 */
public final class RowSanitizer implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int[] outputPositions;
    private final FieldPolicy[] policies;
    /** Per output position: the policy is keep, so the value is copied without a (megamorphic) policy call. */
    private final boolean[] kept;
    private final RowLayout layout;
    private final int entityKeyPosition;
    private final boolean needsContext;

    private RowSanitizer(TableSpec table) {
        this.outputPositions = table.outputPositions();
        this.policies = table.fields().stream().map(FieldSpec::policy).toArray(FieldPolicy[]::new);
        this.kept = new boolean[outputPositions.length];
        for (int j = 0; j < outputPositions.length; j++) {
            kept[j] = policies[outputPositions[j]].equals(FieldPolicies.keep());
        }
        RowLayout.Builder builder = RowLayout.builder(table.schema().fields().stream().map(FieldSchema::name).toList())
                .entityScope(table.entityScope());
        if (!table.localeFields().isEmpty()) {
            builder.localeFields(table.localeFields().toArray(String[]::new));
        }
        this.layout = builder.build();
        this.entityKeyPosition = table.entityKeyField() == null ? -1 : table.schema().indexOf(table.entityKeyField());
        boolean context = false;
        for (int i : outputPositions) {
            context |= policies[i].usesRowContext();
        }
        this.needsContext = context;
    }

    public static RowSanitizer of(TableSpec table) {
        return new RowSanitizer(table);
    }

    /** Resolves keys and warms caches: a missing key fails here, at start, not at the first record. */
    public void open() {
        for (FieldPolicy policy : policies) {
            policy.open();
        }
    }

    public int outputArity() {
        return outputPositions.length;
    }

    /**
     * @param input the row's values in input schema order; extra trailing entries (metadata) are ignored
     * @param output receives the sanitized values in output schema order, at least {@link #outputArity()} long
     */
    public void sanitize(Object[] input, Object[] output) {
        RowContext row = needsContext
                ? RowContext.of(layout, input, entityKeyPosition < 0 ? null : input[entityKeyPosition])
                : null;
        for (int j = 0; j < outputPositions.length; j++) {
            int i = outputPositions[j];
            if (kept[j]) {
                output[j] = input[i];
            } else {
                output[j] = row == null ? policies[i].apply(input[i]) : policies[i].apply(input[i], row);
            }
        }
    }

    public Object[] sanitize(Object[] input) {
        Object[] output = new Object[outputPositions.length];
        sanitize(input, output);
        return output;
    }
}
