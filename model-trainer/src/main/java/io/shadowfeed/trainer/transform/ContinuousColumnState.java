package io.shadowfeed.trainer.transform;

import io.shadowfeed.trainer.data.ColumnKind;

/**
 * The saved form of a {@link ContinuousTransformer}.
 *
 * @param column   the column name
 * @param kind     {@code CONTINUOUS} or {@code DATETIME}
 * @param mixture  the fitted mode model; its active components are the modes
 * @param nullable whether training had nulls, so that the encoding carries a null indicator
 * @param integral whether every training value was a whole number, so that decoded values are rounded
 * @param min      the smallest training value; decoded values are clamped to [min, max]
 * @param max      the largest training value
 */
public record ContinuousColumnState(String column, ColumnKind kind, MixtureState mixture, boolean nullable,
        boolean integral, double min, double max) implements ColumnState {

    public ContinuousColumnState {
        TransformPreconditions.checkNotNull(column, "column");
        TransformPreconditions.checkNotNull(kind, "kind");
        TransformPreconditions.checkNotNull(mixture, "mixture");
        TransformPreconditions.checkArgument(kind.isNumeric(),
                "kind of continuous column '%s' must be numeric. Provided value: %s", column, kind);
        TransformPreconditions.checkFinite(min, "min");
        TransformPreconditions.checkFinite(max, "max");
        TransformPreconditions.checkArgument(min <= max, "min of column '%s' must be <= max. Provided value: %s > %s",
                column, min, max);
    }
}
