package io.shadowfeed.trainer.transform;

import io.shadowfeed.trainer.data.ColumnKind;
import io.shadowfeed.trainer.data.DataTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * CTGAN's data transformer: turns the modelled columns of a table into the rows the generator learns (and back).
 * Each column takes a fixed group of floats, in column order; {@link #spans()} says how the generator must activate
 * each part and {@link #discreteSpans()} where the categorical columns are, for the conditional vector.
 *
 * <p>Layout per column: continuous ({@code CONTINUOUS}, {@code DATETIME}): {@code [TANH 1][SOFTMAX modes]} and
 * {@code [SOFTMAX 2: not null, null]} when training had nulls; categorical ({@code DISCRETE}, {@code ORDINAL},
 * {@code BOOLEAN}): {@code [SOFTMAX categories]}.
 *
 * <p>Immutable and thread-safe; saved and restored whole through {@link #toJson()} / {@link #fromJson(String)}.
 */
public final class DataTransformer {

    private final List<ColumnTransformer> transformers;
    private final List<String> columns;
    private final Map<String, Integer> columnPositions;
    private final int[] offsets;
    private final int outputWidth;
    private final List<OutputSpan> spans;
    private final List<DiscreteSpan> discreteSpans;

    private DataTransformer(List<ColumnTransformer> transformers) {
        this.transformers = List.copyOf(transformers);
        List<String> names = new ArrayList<>();
        columnPositions = new HashMap<>();
        offsets = new int[transformers.size()];
        List<OutputSpan> allSpans = new ArrayList<>();
        List<DiscreteSpan> discrete = new ArrayList<>();
        int offset = 0;
        for (int c = 0; c < transformers.size(); c++) {
            ColumnTransformer transformer = transformers.get(c);
            names.add(transformer.column());
            columnPositions.put(transformer.column(), c);
            offsets[c] = offset;
            allSpans.addAll(transformer.spans(offset));
            if (transformer instanceof DiscreteTransformer categorical) {
                discrete.add(new DiscreteSpan(categorical.column(), offset, categorical.outputWidth(),
                        categorical.categories(), categorical.counts()));
            }
            offset += transformer.outputWidth();
        }
        columns = List.copyOf(names);
        outputWidth = offset;
        spans = List.copyOf(allSpans);
        discreteSpans = List.copyOf(discrete);
    }

    /**
     * Fits one transformer per column: a mixture for each numeric column, the category counts of each categorical
     * one. The same table, columns, settings and seed give the same transformer.
     *
     * @param columns the columns to model, in output order; each must be in the table with a modelled kind
     * @throws IllegalArgumentException if a column is missing, repeated, not modelled, or cannot be fitted
     */
    public static DataTransformer fit(DataTable table, List<String> columns, TransformerSettings settings,
            long seed) {
        TransformPreconditions.checkNotNull(table, "table");
        TransformPreconditions.checkNotNull(columns, "columns");
        TransformPreconditions.checkNotNull(settings, "settings");
        TransformPreconditions.checkArgument(!columns.isEmpty(), "columns must not be empty. Provided value: []");
        Set<String> seen = new HashSet<>();
        for (String column : columns) {
            TransformPreconditions.checkNotNull(column, "column name");
            TransformPreconditions.checkArgument(seen.add(column),
                    "columns must be distinct. Provided value: '%s' twice", column);
            ColumnKind kind = table.kind(table.columnIndex(column));
            TransformPreconditions.checkArgument(kind.isModelled(),
                    "columns must have a modelled kind. Provided value: '%s' is %s, which the generator does not "
                            + "learn", column, kind);
        }
        // One seed per column, drawn in column order, so that a column's mixture does not depend on the others.
        SplittableRandom seeds = new SplittableRandom(seed);
        List<ColumnTransformer> transformers = new ArrayList<>();
        for (String column : columns) {
            transformers.add(ColumnTransformer.fit(table, column, settings, seeds.nextLong()));
        }
        return new DataTransformer(transformers);
    }

    /** The transformer a {@link #state()} describes. */
    public static DataTransformer fromState(TransformerState state) {
        TransformPreconditions.checkNotNull(state, "state");
        List<ColumnTransformer> transformers = new ArrayList<>();
        for (ColumnState column : state.columns()) {
            transformers.add(ColumnTransformer.fromState(column));
        }
        return new DataTransformer(transformers);
    }

    /**
     * Reads {@link #toJson()} output.
     *
     * @throws TransformerFormatException if the text is not a transformer state of a format version this build reads
     */
    public static DataTransformer fromJson(String json) {
        return fromState(TransformerJson.read(json));
    }

    public TransformerState state() {
        List<ColumnState> states = new ArrayList<>();
        for (ColumnTransformer transformer : transformers) {
            states.add(transformer.state());
        }
        return new TransformerState(TransformerState.FORMAT_VERSION, states);
    }

    /** The whole state as JSON, with its {@code formatVersion}. */
    public String toJson() {
        return TransformerJson.write(state());
    }

    /** The modelled columns, in output order. */
    public List<String> columns() {
        return columns;
    }

    /** The kind each column had in training, in output order. */
    public List<ColumnKind> kinds() {
        return transformers.stream().map(ColumnTransformer::kind).toList();
    }

    /** Floats per transformed row. */
    public int outputWidth() {
        return outputWidth;
    }

    /** Every span of a row, in order; they tile {@code [0, outputWidth())}. */
    public List<OutputSpan> spans() {
        return spans;
    }

    /** The spans of the categorical columns, in column order. */
    public List<DiscreteSpan> discreteSpans() {
        return discreteSpans;
    }

    /** The transformer of one column. */
    public ColumnTransformer transformer(String column) {
        return transformers.get(position(column));
    }

    /** Where a column's group starts in a transformed row. */
    public int offset(String column) {
        return offsets[position(column)];
    }

    /**
     * The position of a category inside its column's span (add the span's offset for the position in a row); a
     * member of the rare bucket gives the bucket's.
     *
     * @throws UnknownCategoryException if training did not see the value
     * @throws IllegalArgumentException if the column is not a modelled categorical column
     */
    public int categoryIndex(String column, String value) {
        if (transformers.get(position(column)) instanceof DiscreteTransformer categorical) {
            return categorical.position(value);
        }
        throw new IllegalArgumentException("column '" + column + "' is numeric; only categorical columns have "
                + "category positions");
    }

    /**
     * The span position of every row's category in a categorical column: for training-by-sampling, which picks a
     * real row that has a given category.
     *
     * @throws UnknownCategoryException if a value was not seen in training
     */
    public int[] categoryIndices(DataTable table, String column) {
        TransformPreconditions.checkNotNull(table, "table");
        if (!(transformers.get(position(column)) instanceof DiscreteTransformer categorical)) {
            throw new IllegalArgumentException("column '" + column + "' is numeric; only categorical columns have "
                    + "category positions");
        }
        String[] values = table.categories(table.columnIndex(column));
        int[] positions = new int[values.length];
        for (int r = 0; r < values.length; r++) {
            positions[r] = categorical.position(values[r], r);
        }
        return positions;
    }

    private int position(String column) {
        Integer position = columnPositions.get(column);
        if (position == null) {
            throw new IllegalArgumentException("column '" + column + "' is not modelled; the modelled columns are "
                    + columns);
        }
        return position;
    }

    /**
     * Encodes the table for training: row-major, {@code rowCount * outputWidth()} floats, each continuous value's
     * mode sampled from its posterior (seeded). The table needs the modelled columns (found by name; others are
     * ignored).
     *
     * @throws UnknownCategoryException if a categorical value was not seen in training
     * @throws InvalidValueException    if a numeric value cannot be encoded
     */
    public float[] transform(DataTable table, long seed) {
        return encode(table, new SplittableRandom(seed));
    }

    /** As {@link #transform}, with each continuous value in its most likely mode: for conditioning context. */
    public float[] transformDeterministic(DataTable table) {
        return encode(table, null);
    }

    private float[] encode(DataTable table, SplittableRandom random) {
        TransformPreconditions.checkNotNull(table, "table");
        float[] out = new float[Math.multiplyExact(table.rowCount(), outputWidth)];
        for (int c = 0; c < transformers.size(); c++) {
            // A stream per column keeps each column's modes independent of the columns before it.
            SplittableRandom columnRandom = random == null ? null : random.split();
            transformers.get(c).transform(table, out, outputWidth, offsets[c], columnRandom);
        }
        return out;
    }

    /**
     * Decodes rows of generator output after activation (tanh scalars, softmax or one-hot groups; a transform's
     * output works too): the most likely mode, null flag or category of each group wins. Returns the modelled
     * columns with their training names and kinds, numeric ones as doubles ({@code NaN} for null).
     *
     * @param activated at least {@code rows * outputWidth()} floats, row-major
     * @param seed      draws the members of rare buckets
     */
    public DataTable inverse(float[] activated, int rows, long seed) {
        double[][] numbers = new double[transformers.size()][];
        String[][] categories = new String[transformers.size()][];
        for (int c = 0; c < transformers.size(); c++) {
            if (transformers.get(c).kind().isNumeric()) {
                numbers[c] = new double[rows];
            } else {
                categories[c] = new String[rows];
            }
        }
        inverseInto(activated, rows, new SplittableRandom(seed), numbers, categories);
        DataTable.Builder table = DataTable.builder();
        for (int c = 0; c < transformers.size(); c++) {
            ColumnTransformer transformer = transformers.get(c);
            if (numbers[c] != null) {
                table.addNumeric(transformer.column(), transformer.kind(), numbers[c]);
            } else {
                table.addCategorical(transformer.column(), transformer.kind(), categories[c]);
            }
        }
        return table.build();
    }

    /**
     * {@link #inverse} into caller-owned arrays, for a sampling loop that reuses them: column {@code c} (in
     * {@link #columns()} order) goes to {@code numbers[c]} when it is numeric, to {@code categories[c]} when it is
     * categorical; each such array holds at least {@code rows} values, and the other entry of the pair is ignored.
     *
     * @param random draws the members of rare buckets
     */
    public void inverseInto(float[] activated, int rows, RandomGenerator random, double[][] numbers,
            String[][] categories) {
        TransformPreconditions.checkNotNull(activated, "activated");
        TransformPreconditions.checkNotNull(numbers, "numbers");
        TransformPreconditions.checkNotNull(categories, "categories");
        TransformPreconditions.checkArgument(numbers.length >= transformers.size()
                        && categories.length >= transformers.size(),
                "numbers and categories must have an entry per column (%s). Provided value: %s and %s",
                transformers.size(), numbers.length, categories.length);
        for (int c = 0; c < transformers.size(); c++) {
            transformers.get(c).inverse(activated, rows, outputWidth, offsets[c], numbers[c], categories[c], random);
        }
    }

    @Override
    public String toString() {
        return "DataTransformer" + columns + " -> " + outputWidth + " floats per row";
    }
}
