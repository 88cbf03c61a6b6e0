package io.shadowfeed.trainer.transform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The one-hot span of a categorical column ({@code DISCRETE}, {@code ORDINAL}, {@code BOOLEAN}): what the
 * conditional vector and the training-by-sampling need.
 *
 * @param column     the column name
 * @param offset     where the span starts in a transformed row
 * @param width      the number of categories, {@code categories.size()}
 * @param categories the decoded value of each one-hot position: {@code null} for the null category, {@link #RARE}
 *                   for the bucket of rare categories
 * @param counts     how many training rows had each position's category (for the bucket: all its members)
 */
public record DiscreteSpan(String column, int offset, int width, List<String> categories, long[] counts) {

    /**
     * The name of the bucket that rare categories are merged into. It starts with a NUL character so that it cannot
     * be mistaken for a category read from a file; fitting rejects a real category with this name.
     */
    public static final String RARE = "\u0000rare";

    public DiscreteSpan {
        TransformPreconditions.checkNotNull(column, "column");
        TransformPreconditions.checkNonNegative(offset, "offset");
        TransformPreconditions.checkPositive(width, "width");
        TransformPreconditions.checkNotNull(categories, "categories");
        TransformPreconditions.checkNotNull(counts, "counts");
        TransformPreconditions.checkArgument(categories.size() == width && counts.length == width,
                "categories and counts must have one entry per position (width %s). Provided value: %s categories, "
                        + "%s counts", width, categories.size(), counts.length);
        for (long count : counts) {
            TransformPreconditions.checkArgument(count >= 0, "counts must be >= 0. Provided value: %s", count);
        }
        // List.copyOf rejects nulls, and null is a legitimate category here.
        categories = Collections.unmodifiableList(new ArrayList<>(categories));
        counts = counts.clone();
    }

    /** A copy of the training counts. */
    @Override
    public long[] counts() {
        return counts.clone();
    }

    /** The training count of one position. */
    public long count(int position) {
        return counts[position];
    }

    /** The first position after this span. */
    public int end() {
        return offset + width;
    }

    /** Whether the position is the bucket of rare categories. */
    public boolean isRareBucket(int position) {
        return RARE.equals(categories.get(position));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DiscreteSpan other && column.equals(other.column) && offset == other.offset
                && width == other.width && categories.equals(other.categories) && Arrays.equals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return (column.hashCode() * 31 + offset) * 31 + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "DiscreteSpan[column=" + column + ", offset=" + offset + ", width=" + width + ", counts="
                + Arrays.toString(counts) + "]";
    }
}
