package io.shadowfeed.trainer.transform;

import io.shadowfeed.trainer.data.ColumnKind;
import io.shadowfeed.trainer.data.DataTable;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The reversible encoding of one modelled column into a fixed-width group of floats. A template: the public
 * {@link #transform} and {@link #inverse} check the table and the buffers' layout, clear the column's part of each
 * row and hand over to the subclass, which only encodes or decodes values.
 *
 * <p>Buffers are row-major: row {@code r} of the column occupies {@code [r * stride + offset, r * stride + offset +
 * outputWidth())}. Instances are immutable and thread-safe.
 */
public abstract sealed class ColumnTransformer permits ContinuousTransformer, DiscreteTransformer {

    private final String column;
    private final ColumnKind kind;

    ColumnTransformer(String column, ColumnKind kind) {
        this.column = TransformPreconditions.checkNotNull(column, "column");
        this.kind = TransformPreconditions.checkNotNull(kind, "kind");
    }

    /** Fits the transformer that the column's kind calls for. */
    static ColumnTransformer fit(DataTable table, String column, TransformerSettings settings, long seed) {
        int index = table.columnIndex(column);
        ColumnKind kind = table.kind(index);
        if (kind.isNumeric()) {
            return ContinuousTransformer.fit(column, kind, table.numbers(index), settings.mixture(), seed);
        }
        if (kind.isCategorical()) {
            return DiscreteTransformer.fit(column, kind, table.categories(index), settings.rareCategoryMinCount());
        }
        throw new IllegalArgumentException("column '" + column + "' is " + kind
                + ", which is not modelled; pass only columns whose kind isModelled()");
    }

    static ColumnTransformer fromState(ColumnState state) {
        if (state instanceof ContinuousColumnState continuous) {
            return ContinuousTransformer.fromState(continuous);
        }
        return DiscreteTransformer.fromState((DiscreteColumnState) state);
    }

    public final String column() {
        return column;
    }

    /** The kind the column had in training. */
    public final ColumnKind kind() {
        return kind;
    }

    /** How many floats one row of this column takes. */
    public abstract int outputWidth();

    /** This column's spans, placed from {@code offset}. */
    public abstract List<OutputSpan> spans(int offset);

    /** The saved form. */
    public abstract ColumnState state();

    /**
     * Encodes this column of {@code table} (found by name) into {@code out}.
     *
     * @param random where sampled choices come from (a continuous column's mode); {@code null} for the deterministic
     *               encoding (the most likely mode)
     * @throws UnknownCategoryException if a categorical value was not seen in training
     * @throws InvalidValueException    if a numeric value cannot be encoded
     */
    public final void transform(DataTable table, float[] out, int stride, int offset, SplittableRandom random) {
        TransformPreconditions.checkNotNull(table, "table");
        int index = table.columnIndex(column);
        ColumnKind actual = table.kind(index);
        if (actual.isNumeric() != kind.isNumeric()) {
            throw new IllegalArgumentException("column '" + column + "' is " + actual + " in this table but was "
                    + kind + " in training; give it the training kind");
        }
        int rows = table.rowCount();
        checkLayout(out, rows, stride, offset);
        int width = outputWidth();
        for (int r = 0; r < rows; r++) {
            int start = r * stride + offset;
            Arrays.fill(out, start, start + width, 0f);
        }
        encode(table, index, out, stride, offset, random);
    }

    /**
     * Decodes {@code rows} rows of activated generator output (or of a transform) into {@code numbers} (numeric
     * columns) or {@code categories} (categorical columns); the other array is ignored and may be {@code null}.
     *
     * @param random draws a member of the rare bucket when that is decoded
     */
    public final void inverse(float[] in, int rows, int stride, int offset, double[] numbers, String[] categories,
            RandomGenerator random) {
        checkLayout(in, rows, stride, offset);
        Object target = kind.isNumeric() ? numbers : categories;
        String name = kind.isNumeric() ? "numbers" : "categories";
        TransformPreconditions.checkNotNull(target, name);
        int length = kind.isNumeric() ? numbers.length : categories.length;
        TransformPreconditions.checkArgument(length >= rows,
                "%s of column '%s' must hold at least %s rows. Provided value: %s", name, column, rows, length);
        decode(in, rows, stride, offset, numbers, categories, random);
    }

    private void checkLayout(float[] buffer, int rows, int stride, int offset) {
        TransformPreconditions.checkNotNull(buffer, "buffer");
        TransformPreconditions.checkNonNegative(rows, "rows");
        TransformPreconditions.checkNonNegative(offset, "offset");
        TransformPreconditions.checkArgument(offset + outputWidth() <= stride,
                "stride must leave room for column '%s' (offset %s, width %s). Provided value: %s", column, offset,
                outputWidth(), stride);
        TransformPreconditions.checkArgument((long) rows * stride <= buffer.length,
                "buffer must hold %s rows of %s floats. Provided value: %s floats", rows, stride, buffer.length);
    }

    /** Writes the ones and scalars of every row; the column's part of each row is already zero. */
    abstract void encode(DataTable table, int index, float[] out, int stride, int offset, SplittableRandom random);

    abstract void decode(float[] in, int rows, int stride, int offset, double[] numbers, String[] categories,
            RandomGenerator random);
}
