package io.shadowfeed.job.operator;

import io.shadowfeed.job.spec.TableSpec;
import io.shadowfeed.privacy.pii.policy.FieldPolicy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.types.Row;

/**
 * Applies each field's policy and lays the row out in the output schema's order (dropped fields removed). Policies are
 * total, so this never fails a record.
 */
public final class SanitizeFunction implements MapFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final int[] outputPositions;
    private final FieldPolicy[] policies;
    private final int inputArity;

    public SanitizeFunction(TableSpec table) {
        this.outputPositions = table.outputPositions();
        this.policies = table.fields().stream().map(f -> f.policy()).toArray(FieldPolicy[]::new);
        this.inputArity = table.schema().size();
    }

    @Override
    public Row map(Row in) {
        Row out = Row.withPositions(outputPositions.length + 2);
        for (int j = 0; j < outputPositions.length; j++) {
            int i = outputPositions[j];
            out.setField(j, policies[i].apply(in.getField(i)));
        }
        out.setField(outputPositions.length, in.getField(inputArity));
        out.setField(outputPositions.length + 1, in.getField(inputArity + 1));
        return out;
    }
}
