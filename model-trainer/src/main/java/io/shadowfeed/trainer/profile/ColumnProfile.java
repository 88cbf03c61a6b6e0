package io.shadowfeed.trainer.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.shadowfeed.trainer.data.ColumnKind;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What profiling learned about one column. Which optional parts are present depends on the kind, and the
 * constructor enforces it, so a profile of an identifier or free-text column can never carry its values:
 * <ul>
 *   <li>{@code range}: {@code CONTINUOUS} and {@code DATETIME} (in the datetime's unit);</li>
 *   <li>{@code dateTime}: {@code DATETIME} only;</li>
 *   <li>{@code booleanTokens}: {@code BOOLEAN} only;</li>
 *   <li>{@code categories}: {@code DISCRETE}, {@code ORDINAL} and {@code BOOLEAN}: every category with its count
 *       (one-hot encoding needs them all): by count, most frequent first, for {@code DISCRETE}; in the declared
 *       order, else sorted, for {@code ORDINAL}; {@code false}, {@code true} for {@code BOOLEAN}.</li>
 * </ul>
 * {@code IDENTIFIER} and {@code FREE_TEXT} columns keep counts only: their values are personal data.
 *
 * @param name the column's name in the table
 * @param kind what the column holds
 * @param declared whether the kind comes from the metadata rather than inference
 * @param rowCount rows in the table
 * @param nullCount rows without a value
 * @param cardinality distinct non-null values (booleans after normalisation)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ColumnProfile(String name, ColumnKind kind, boolean declared, int rowCount, int nullCount,
        int cardinality, NumericRange range, DateTimeFormat dateTime, BooleanTokens booleanTokens,
        List<CategoryCount> categories) {

    public ColumnProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a column needs a name");
        }
        if (rowCount < 0 || nullCount < 0 || nullCount > rowCount) {
            throw new IllegalArgumentException("column '" + name + "': counts must satisfy 0 <= nullCount <= rowCount."
                    + " Provided value: " + nullCount + " of " + rowCount);
        }
        if (cardinality < 0 || cardinality > rowCount - nullCount) {
            throw new IllegalArgumentException("column '" + name + "': cardinality must be in [0, non-null rows]."
                    + " Provided value: " + cardinality);
        }
        require(name, "range", range != null, kind.isNumeric(), kind);
        require(name, "dateTime", dateTime != null, kind == ColumnKind.DATETIME, kind);
        require(name, "booleanTokens", booleanTokens != null, kind == ColumnKind.BOOLEAN, kind);
        require(name, "categories", categories != null, kind.isCategorical(), kind);
        if (categories != null) {
            categories = List.copyOf(categories);
            Set<String> seen = new HashSet<>();
            long total = 0;
            for (CategoryCount category : categories) {
                if (!seen.add(category.value())) {
                    throw new IllegalArgumentException("column '" + name + "' lists a category twice");
                }
                total += category.count();
            }
            if (total != rowCount - nullCount) {
                throw new IllegalArgumentException("column '" + name + "': category counts add up to " + total
                        + ", not the " + (rowCount - nullCount) + " non-null rows");
            }
        }
    }

    private static void require(String name, String part, boolean present, boolean expected, ColumnKind kind) {
        if (present != expected) {
            throw new IllegalArgumentException("column '" + name + "' is " + kind + ", so its " + part + " must be "
                    + (expected ? "given" : "absent"));
        }
    }

    /** The share of rows without a value, in [0, 1]. */
    public double nullRate() {
        return rowCount == 0 ? 0 : (double) nullCount / rowCount;
    }

    /** The category values in the profile's order; empty for kinds without categories. */
    public List<String> categoryValues() {
        return categories == null ? List.of() : categories.stream().map(CategoryCount::value).toList();
    }
}
