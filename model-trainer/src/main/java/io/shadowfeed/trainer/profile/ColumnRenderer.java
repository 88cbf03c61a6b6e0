package io.shadowfeed.trainer.profile;

import io.shadowfeed.trainer.data.ColumnKind;
import io.shadowfeed.trainer.data.DataTable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Renders a typed column's cells back as source text: whole-number columns without a fraction, others rounded to
 * the source's decimals; datetimes in their source format; booleans in their source spelling; categories and text as
 * they are; null for a null.
 */
public final class ColumnRenderer {

    private final ColumnKind kind;
    private final NumericRange range;
    private final DateTimeCodec dateTime;
    private final BooleanTokens booleanTokens;

    private ColumnRenderer(ColumnKind kind, NumericRange range, DateTimeCodec dateTime, BooleanTokens booleanTokens) {
        this.kind = kind;
        this.range = range;
        this.dateTime = dateTime;
        this.booleanTokens = booleanTokens;
    }

    /** Renders as the profiled source wrote the column. */
    public static ColumnRenderer of(ColumnProfile profile) {
        return new ColumnRenderer(profile.kind(), profile.range(),
                profile.dateTime() == null ? null : profile.dateTime().codec(), profile.booleanTokens());
    }

    /** Renders without a profile: numbers in their shortest plain form, datetimes as numbers, text as it is. */
    public static ColumnRenderer plain(ColumnKind kind) {
        return new ColumnRenderer(Objects.requireNonNull(kind, "kind"), null, null, null);
    }

    /**
     * @throws IllegalArgumentException when the table's column is of another kind than this renderer's
     */
    public String render(DataTable table, int column, int row) {
        if (table.kind(column) != kind) {
            throw new IllegalArgumentException("column '" + table.columnNames().get(column) + "' is "
                    + table.kind(column) + " but its profile says " + kind);
        }
        if (table.isNull(column, row)) {
            return null;
        }
        return kind.isNumeric() ? renderNumber(table.number(column, row)) : renderCategory(table.category(column, row));
    }

    /** A continuous or datetime value's text; null for NaN (a null). */
    public String renderNumber(double value) {
        if (!kind.isNumeric()) {
            throw new IllegalStateException("a " + kind + " column holds categories, not numbers");
        }
        if (!Double.isFinite(value)) {
            return null;
        }
        if (dateTime != null) {
            return dateTime.render(value);
        }
        boolean whole = range != null ? range.integral() : value == Math.rint(value);
        if (whole && Math.abs(value) < 0x1p53) {
            return Long.toString(Math.round(value));
        }
        BigDecimal decimal = BigDecimal.valueOf(value);
        if (range != null) {
            decimal = decimal.setScale(range.decimals(), RoundingMode.HALF_UP);
        }
        decimal = decimal.stripTrailingZeros();
        return decimal.signum() == 0 ? "0" : decimal.toPlainString();
    }

    /** A category or text value's text: booleans in their source spelling, the rest as they are. */
    public String renderCategory(String value) {
        if (kind.isNumeric()) {
            throw new IllegalStateException("a " + kind + " column holds numbers, not categories");
        }
        return value == null || booleanTokens == null ? value : booleanTokens.render(value);
    }
}
