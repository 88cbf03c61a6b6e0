package io.shadowfeed.job.operator;

import io.shadowfeed.job.sanitize.RowSanitizer;
import io.shadowfeed.job.serde.TableRows;
import io.shadowfeed.job.spec.TableSpec;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.types.Row;

/**
 * Applies each field's policy ({@link RowSanitizer}) and lays the row out in the output schema's order, metadata
 * ({@link TableRows}) carried at the end. Policies are total, so this never fails a record; a missing key
 * fails the task in {@code open}, before any record.
 */
public final class SanitizeFunction extends RichMapFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final RowSanitizer sanitizer;
    private final int inputArity;

    private transient Object[] input;
    private transient Object[] output;

    public SanitizeFunction(TableSpec table) {
        this.sanitizer = RowSanitizer.of(table);
        this.inputArity = table.schema().size();
    }

    @Override
    public void open(OpenContext openContext) {
        sanitizer.open();
        input = new Object[inputArity];
        output = new Object[sanitizer.outputArity()];
    }

    @Override
    public Row map(Row in) {
        for (int i = 0; i < inputArity; i++) {
            input[i] = in.getField(i);
        }
        sanitizer.sanitize(input, output);
        int n = output.length;
        Row out = Row.withPositions(n + TableRows.METADATA_FIELDS);
        for (int j = 0; j < n; j++) {
            out.setField(j, output[j]);
        }
        TableRows.copyMetadata(in, inputArity, out, n);
        return out;
    }
}
