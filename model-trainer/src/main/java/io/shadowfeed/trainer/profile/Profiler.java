package io.shadowfeed.trainer.profile;

import io.shadowfeed.trainer.data.ColumnKind;
import io.shadowfeed.trainer.data.RawTable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Infers each column's kind and profile from a raw table; kinds declared in metadata win. Inference, per column:
 * <ol>
 *   <li>{@code IDENTIFIER}: a name that reads like a key ({@code id}, {@code customer_id}, {@code CustomerId}, not
 *       {@code humid}): keys and foreign keys are linked by the pipeline's key policies, never generated (declare
 *       such a column categorical in the metadata to model it);</li>
 *   <li>{@code BOOLEAN}: exactly two distinct values that are one pair of true/false, yes/no, t/f, y/n, 1/0 (any
 *       case), so a 0/1 column is boolean;</li>
 *   <li>numbers (every value a plain decimal, none zero-padded like a postcode): {@code DISCRETE} for whole numbers
 *       with at most {@code maxDiscreteNumericValues} distinct values (default 10: engine counts yes; the 16 levels
 *       of Adult's education_num or the 12 months no), {@code CONTINUOUS} otherwise;</li>
 *   <li>{@code DATETIME}: every value fits one of the year-first formats {@code yyyy-MM-dd}, {@code yyyy/MM/dd},
 *       with {@code HH:mm[:ss[.SSS]]} after a space or {@code T}, and for {@code T} an optional offset or {@code Z};
 *       dates are modelled in epoch days, the rest in epoch seconds;</li>
 *   <li>other text: {@code IDENTIFIER} or {@code FREE_TEXT} when nearly every value is distinct (more than
 *       {@code identifierRatio}, default 0.95, of at least {@code minRows} values) or there are more than
 *       {@code maxCategories} distinct values (default 200); free text if most values contain spaces and they
 *       average 20 characters or more; {@code DISCRETE} otherwise.</li>
 * </ol>
 * {@code ORDINAL} comes only from metadata. A table with fewer than {@code minRows} rows (default 10), a column
 * without values, and a constant column (unless declared, or {@code allowConstantColumns}) are errors.
 */
public final class Profiler {

    /** Digits kept after the point when rendering; beyond this is noise of a double's text. */
    private static final int MAX_DECIMALS = 15;

    private final int minRows;
    private final int maxCategories;
    private final int maxDiscreteNumericValues;
    private final double identifierRatio;
    private final boolean allowConstantColumns;

    private Profiler(Builder builder) {
        this.minRows = builder.minRows;
        this.maxCategories = builder.maxCategories;
        this.maxDiscreteNumericValues = builder.maxDiscreteNumericValues;
        this.identifierRatio = builder.identifierRatio;
        this.allowConstantColumns = builder.allowConstantColumns;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A profile with every kind inferred. */
    public TableProfile profile(RawTable raw) {
        return profile(raw, MetadataOverrides.none());
    }

    /**
     * @throws MetadataException when a declared column matches no column of the table
     * @throws ProfileException when the table is too small, a column has no values or only one, or a column's
     *     values do not fit its declared kind (the message names the column and row and what to change)
     */
    public TableProfile profile(RawTable raw, MetadataOverrides overrides) {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(overrides, "overrides");
        if (raw.rowCount() == 0 || raw.columnCount() == 0) {
            throw new ProfileException("the table has no rows; profiling needs at least " + minRows);
        }
        if (raw.rowCount() < minRows) {
            throw new ProfileException("the table has " + raw.rowCount() + (raw.rowCount() == 1 ? " row" : " rows")
                    + "; profiling needs at least " + minRows + " to learn from: supply more rows");
        }
        Map<String, DeclaredColumn> declared = overrides.match(raw.columnNames());
        List<ColumnProfile> columns = new ArrayList<>(raw.columnCount());
        for (int c = 0; c < raw.columnCount(); c++) {
            String name = raw.columnNames().get(c);
            columns.add(profileColumn(new ColumnValues(name, raw.column(c)), declared.get(name)));
        }
        return new TableProfile(columns);
    }

    private ColumnProfile profileColumn(ColumnValues values, DeclaredColumn declared) {
        if (values.nonNull() == 0) {
            throw new ProfileException("column '" + values.name + "' has no values (all " + values.rowCount()
                    + " rows are empty): drop the column");
        }
        if (values.cardinality() == 1 && declared == null && !allowConstantColumns) {
            throw new ProfileException("column '" + values.name + "' holds the same value in all " + values.nonNull()
                    + " non-empty rows, which gives the model nothing to learn: drop the column, or declare its type"
                    + " in the metadata to keep it");
        }
        return declared == null ? inferred(values) : build(values, declared.kind(), declared);
    }

    private ColumnProfile inferred(ColumnValues values) {
        DateTimePatterns.Fit dateTime = null;
        ColumnKind kind = inferKeyBooleanOrNumber(values);
        if (kind == null) {
            dateTime = DateTimePatterns.detect(values);
            kind = dateTime != null ? ColumnKind.DATETIME : inferText(values);
        }
        return kind == ColumnKind.DATETIME ? dateTimeProfile(values, dateTime, false) : build(values, kind, null);
    }

    /** The kind of key-named columns, booleans and numbers; null for anything else. */
    private ColumnKind inferKeyBooleanOrNumber(ColumnValues values) {
        if (ValueSyntax.isIdName(values.name)) {
            return ColumnKind.IDENTIFIER;
        }
        if (values.cardinality() == 2) {
            List<String> two = new ArrayList<>(values.counts.keySet());
            if (BooleanTokens.isPair(two.get(0), two.get(1))) {
                return ColumnKind.BOOLEAN;
            }
        }
        if (values.all(v -> ValueSyntax.isNumber(v) && !ValueSyntax.isZeroPaddedCode(v))) {
            boolean integral = values.all(v -> isWhole(Double.parseDouble(v)));
            return integral && values.cardinality() <= maxDiscreteNumericValues ? ColumnKind.DISCRETE
                    : ColumnKind.CONTINUOUS;
        }
        return null;
    }

    private ColumnKind inferText(ColumnValues values) {
        boolean nearlyUnique = values.nonNull() >= minRows
                && values.cardinality() > identifierRatio * values.nonNull();
        if (nearlyUnique || values.cardinality() > maxCategories) {
            return isProse(values) ? ColumnKind.FREE_TEXT : ColumnKind.IDENTIFIER;
        }
        return ColumnKind.DISCRETE;
    }

    /** Sentences rather than codes or names: mostly with spaces, and long on average. */
    private static boolean isProse(ColumnValues values) {
        long spaced = 0;
        long length = 0;
        for (String value : values.counts.keySet()) {
            length += value.length();
            if (value.chars().anyMatch(Character::isWhitespace)) {
                spaced++;
            }
        }
        return spaced * 2 >= values.cardinality() && length >= 20L * values.cardinality();
    }

    /** The profile of a column of the given kind; {@code declaration} is null for an inferred kind. */
    private ColumnProfile build(ColumnValues values, ColumnKind kind, DeclaredColumn declaration) {
        boolean declared = declaration != null;
        String name = values.name;
        int rows = values.rowCount();
        int nulls = values.nullCount;
        int distinct = values.cardinality();
        return switch (kind) {
            case CONTINUOUS -> new ColumnProfile(name, kind, declared, rows, nulls, distinct, numericRange(values),
                    null, null, null);
            case DATETIME -> dateTimeProfile(values, declaredDateTime(values, declared ? declaration.format() : null),
                    declared);
            case BOOLEAN -> booleanProfile(values, declared);
            case DISCRETE -> new ColumnProfile(name, kind, declared, rows, nulls, distinct, null, null, null,
                    byFrequency(values));
            case ORDINAL -> new ColumnProfile(name, kind, declared, rows, nulls, distinct, null, null, null,
                    ordered(values, declared ? declaration.order() : null));
            case IDENTIFIER, FREE_TEXT -> new ColumnProfile(name, kind, declared, rows, nulls, distinct, null, null,
                    null, null);
        };
    }

    private static NumericRange numericRange(ColumnValues values) {
        if (!values.all(ValueSyntax::isNumber)) {
            int row = values.firstRowFailing(ValueSyntax::isNumber);
            throw new ProfileException("column '" + values.name + "' is declared continuous but row " + row
                    + " is not a number: clean the value, or declare the column categorical in the metadata");
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean integral = true;
        int decimals = 0;
        for (String text : values.counts.keySet()) {
            double value = ValueSyntax.parseNumber(text);
            if (Double.isNaN(value)) {
                throw new ProfileException("column '" + values.name + "' holds a number too large for a double in"
                        + " row " + values.firstRowFailing(v -> !v.equals(text)) + ": clean the value");
            }
            min = Math.min(min, value);
            max = Math.max(max, value);
            integral &= isWhole(value);
            decimals = Math.max(decimals, Math.min(MAX_DECIMALS, ValueSyntax.decimals(text)));
        }
        return new NumericRange(min, max, integral, integral ? 0 : decimals);
    }

    private static DateTimePatterns.Fit declaredDateTime(ColumnValues values, String pattern) {
        if (pattern == null) {
            DateTimePatterns.Fit detected = DateTimePatterns.detect(values);
            if (detected == null) {
                throw new ProfileException("column '" + values.name + "' is declared datetime but its values fit none"
                        + " of the known formats (" + String.join(", ", DateTimePatterns.CANDIDATES) + "): give its"
                        + " pattern as \"format\" in the metadata");
            }
            return detected;
        }
        DateTimePatterns.Fit fit = DateTimePatterns.fit(values, pattern);
        if (fit == null) {
            int row = values.firstRowFailing(DateTimePatterns.fits(pattern));
            throw new ProfileException("column '" + values.name + "': row " + row + " does not fit its datetime"
                    + " format '" + pattern + "': clean the value, or correct the \"format\" in the metadata");
        }
        return fit;
    }

    private static ColumnProfile dateTimeProfile(ColumnValues values, DateTimePatterns.Fit fit, boolean declared) {
        return new ColumnProfile(values.name, ColumnKind.DATETIME, declared, values.rowCount(), values.nullCount,
                values.cardinality(), fit.range(), fit.format(), null, null);
    }

    private static ColumnProfile booleanProfile(ColumnValues values, boolean declared) {
        if (!values.all(v -> BooleanTokens.toBoolean(v) != null)) {
            int row = values.firstRowFailing(v -> BooleanTokens.toBoolean(v) != null);
            throw new ProfileException("column '" + values.name + "' is declared boolean but row " + row
                    + " is not one of " + BooleanTokens.ACCEPTED + ": declare the column categorical in the metadata");
        }
        int trues = 0;
        int falses = 0;
        String trueText = null;
        String falseText = null;
        int trueTextCount = 0;
        int falseTextCount = 0;
        for (Map.Entry<String, Integer> entry : values.counts.entrySet()) {
            int count = entry.getValue();
            if (BooleanTokens.toBoolean(entry.getKey())) {
                trues += count;
                if (count > trueTextCount) {
                    trueText = entry.getKey();
                    trueTextCount = count;
                }
            } else {
                falses += count;
                if (count > falseTextCount) {
                    falseText = entry.getKey();
                    falseTextCount = count;
                }
            }
        }
        int distinct = (trues > 0 ? 1 : 0) + (falses > 0 ? 1 : 0);
        return new ColumnProfile(values.name, ColumnKind.BOOLEAN, declared, values.rowCount(), values.nullCount,
                distinct, null, null, BooleanTokens.of(trueText, falseText),
                List.of(new CategoryCount("false", falses), new CategoryCount("true", trues)));
    }

    private static List<CategoryCount> byFrequency(ColumnValues values) {
        return values.counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new CategoryCount(e.getKey(), e.getValue()))
                .toList();
    }

    private static List<CategoryCount> ordered(ColumnValues values, List<String> order) {
        List<String> categories;
        if (order == null) {
            categories = new ArrayList<>(values.counts.keySet());
            boolean numeric = values.all(ValueSyntax::isNumber);
            categories.sort(numeric ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder());
        } else {
            Set<String> known = new HashSet<>(order);
            if (!values.all(known::contains)) {
                int row = values.firstRowFailing(known::contains);
                throw new ProfileException("column '" + values.name + "': row " + row + " holds a category that its"
                        + " declared order does not list: add it to the \"order\" in the metadata");
            }
            categories = order;
        }
        return categories.stream().map(c -> new CategoryCount(c, values.counts.getOrDefault(c, 0))).toList();
    }

    private static boolean isWhole(double value) {
        return value == Math.rint(value) && Math.abs(value) < 0x1p53;
    }

    /** Options of a {@link Profiler}; every setter checks its argument. */
    public static final class Builder {
        private int minRows = 10;
        private int maxCategories = 200;
        private int maxDiscreteNumericValues = 10;
        private double identifierRatio = 0.95;
        private boolean allowConstantColumns;

        private Builder() {
        }

        /** Fewer rows than this is an error (default 10). */
        public Builder minRows(int minRows) {
            if (minRows < 1) {
                throw new IllegalArgumentException("minRows must be >= 1. Provided value: " + minRows);
            }
            this.minRows = minRows;
            return this;
        }

        /** Text columns with more distinct values are identifiers or free text, not categories (default 200). */
        public Builder maxCategories(int maxCategories) {
            if (maxCategories < 2) {
                throw new IllegalArgumentException("maxCategories must be >= 2. Provided value: " + maxCategories);
            }
            this.maxCategories = maxCategories;
            return this;
        }

        /** Whole-number columns with at most this many distinct values are categories (default 10; 0: never). */
        public Builder maxDiscreteNumericValues(int maxDiscreteNumericValues) {
            if (maxDiscreteNumericValues < 0) {
                throw new IllegalArgumentException("maxDiscreteNumericValues must be >= 0. Provided value: "
                        + maxDiscreteNumericValues);
            }
            this.maxDiscreteNumericValues = maxDiscreteNumericValues;
            return this;
        }

        /** Text columns whose distinct values exceed this share of their values are identifiers (default 0.95). */
        public Builder identifierRatio(double identifierRatio) {
            if (!(identifierRatio > 0 && identifierRatio <= 1)) {
                throw new IllegalArgumentException("identifierRatio must be in (0, 1]. Provided value: "
                        + identifierRatio);
            }
            this.identifierRatio = identifierRatio;
            return this;
        }

        /** Keep undeclared constant columns (profiled as categories of one value) instead of failing (default no). */
        public Builder allowConstantColumns(boolean allowConstantColumns) {
            this.allowConstantColumns = allowConstantColumns;
            return this;
        }

        public Profiler build() {
            return new Profiler(this);
        }
    }
}
