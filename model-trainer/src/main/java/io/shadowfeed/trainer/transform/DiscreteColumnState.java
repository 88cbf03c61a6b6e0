package io.shadowfeed.trainer.transform;

import io.shadowfeed.trainer.data.ColumnKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;

/**
 * The saved form of a {@link DiscreteTransformer}.
 *
 * @param column           the column name
 * @param kind             {@code DISCRETE}, {@code ORDINAL} or {@code BOOLEAN}
 * @param categories       the category of each one-hot position: {@code null} for nulls, {@link DiscreteSpan#RARE}
 *                         for the bucket of rare categories
 * @param counts           the training count of each position
 * @param rareMembers      the categories merged into the bucket (empty when there is none)
 * @param rareMemberCounts their training counts
 */
public record DiscreteColumnState(String column, ColumnKind kind, List<String> categories, long[] counts,
        List<String> rareMembers, long[] rareMemberCounts) implements ColumnState {

    public DiscreteColumnState {
        TransformPreconditions.checkNotNull(column, "column");
        TransformPreconditions.checkNotNull(kind, "kind");
        TransformPreconditions.checkArgument(kind.isCategorical(),
                "kind of discrete column '%s' must be categorical. Provided value: %s", column, kind);
        TransformPreconditions.checkNotNull(categories, "categories");
        TransformPreconditions.checkNotNull(counts, "counts");
        TransformPreconditions.checkNotNull(rareMembers, "rareMembers");
        TransformPreconditions.checkNotNull(rareMemberCounts, "rareMemberCounts");
        TransformPreconditions.checkArgument(!categories.isEmpty() && categories.size() == counts.length,
                "categories of column '%s' must be non-empty, with one count each. Provided value: %s categories, "
                        + "%s counts", column, categories.size(), counts.length);
        TransformPreconditions.checkArgument(rareMembers.size() == rareMemberCounts.length,
                "rareMembers of column '%s' must have one count each. Provided value: %s members, %s counts", column,
                rareMembers.size(), rareMemberCounts.length);
        TransformPreconditions.checkArgument(new HashSet<>(categories).size() == categories.size(),
                "categories of column '%s' must be distinct. Provided value: %s categories with repeats", column,
                categories.size());
        boolean hasBucket = categories.contains(DiscreteSpan.RARE);
        TransformPreconditions.checkArgument(hasBucket == !rareMembers.isEmpty(),
                "column '%s' must have rare members exactly when it has the rare bucket. Provided value: bucket %s, "
                        + "%s members", column, hasBucket, rareMembers.size());
        for (String member : rareMembers) {
            TransformPreconditions.checkArgument(member != null && !categories.contains(member),
                    "rare members of column '%s' must be non-null and not categories of their own", column);
        }
        categories = Collections.unmodifiableList(new ArrayList<>(categories));
        rareMembers = Collections.unmodifiableList(new ArrayList<>(rareMembers));
        counts = counts.clone();
        rareMemberCounts = rareMemberCounts.clone();
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }

    @Override
    public long[] rareMemberCounts() {
        return rareMemberCounts.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DiscreteColumnState other && column.equals(other.column) && kind == other.kind
                && categories.equals(other.categories) && Arrays.equals(counts, other.counts)
                && rareMembers.equals(other.rareMembers) && Arrays.equals(rareMemberCounts, other.rareMemberCounts);
    }

    @Override
    public int hashCode() {
        return column.hashCode() * 31 + categories.hashCode();
    }

    @Override
    public String toString() {
        return "DiscreteColumnState[column=" + column + ", kind=" + kind + ", categories=" + categories.size()
                + ", rareMembers=" + rareMembers.size() + "]";
    }
}
