package io.shadowfeed.trainer.data;

/** What a column holds, as profiling infers it or a metadata file declares it. */
public enum ColumnKind {
    /** A real-valued measurement: mode-specific normalization. */
    CONTINUOUS,
    /** Unordered categories: one-hot. */
    DISCRETE,
    /** Ordered categories: one-hot in the model, kept in their order for reports. */
    ORDINAL,
    /** A point in time, modelled as a number in a unit and rendered back in its source format. */
    DATETIME,
    /** Two values: one-hot. */
    BOOLEAN,
    /** A key or other unique value: not modelled, left to the PII policies. */
    IDENTIFIER,
    /** Free text: not modelled, left to the PII policies. */
    FREE_TEXT;

    /** Whether the generator learns this column. */
    public boolean isModelled() {
        return this != IDENTIFIER && this != FREE_TEXT;
    }

    /** Whether values are numbers (stored as doubles in a {@link DataTable}); the rest are category strings. */
    public boolean isNumeric() {
        return this == CONTINUOUS || this == DATETIME;
    }

    /** Whether values are categories (one-hot encoded, conditionable). */
    public boolean isCategorical() {
        return this == DISCRETE || this == ORDINAL || this == BOOLEAN;
    }
}
