package io.shadowfeed.trainer.transform;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything a {@link DataTransformer} is rebuilt from: its columns' transformers in output order. Saved as JSON
 * ({@link DataTransformer#toJson()}); {@code formatVersion} says which layout of these records the JSON has.
 *
 * @param formatVersion {@link #FORMAT_VERSION} when written by this build
 * @param columns       one state per modelled column, in output order
 */
public record TransformerState(int formatVersion, List<ColumnState> columns) {

    /** The layout written by this build. Version 1: the records as they are here. */
    public static final int FORMAT_VERSION = 1;

    public TransformerState {
        TransformPreconditions.checkArgument(formatVersion == FORMAT_VERSION,
                "formatVersion must be %s. Provided value: %s", FORMAT_VERSION, formatVersion);
        TransformPreconditions.checkNotNull(columns, "columns");
        TransformPreconditions.checkArgument(!columns.isEmpty(), "columns must not be empty. Provided value: []");
        columns = List.copyOf(columns);
        Set<String> names = new HashSet<>();
        for (ColumnState column : columns) {
            TransformPreconditions.checkArgument(names.add(column.column()),
                    "columns must have distinct names. Provided value: '%s' twice", column.column());
        }
    }
}
