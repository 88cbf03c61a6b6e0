package io.shadowfeed.trainer.evaluate;

import io.shadowfeed.trainer.data.ColumnKind;
import java.util.List;
import java.util.Objects;

/**
 * One column's distribution in the real and the synthetic table, as shares of all rows (aggregates only, for plots).
 * Numeric columns: equal-width bins over the real range, {@code binEdges} holding one more entry than there are
 * bins, synthetic values outside the range counted in the end bins. Categorical columns: the most frequent real
 * categories, then, when more exist, one bucket for the rest ({@code otherCategories} of them); {@code binEdges} is
 * empty. Nulls are counted apart, in the null shares.
 */
public record ColumnDistribution(String column, ColumnKind kind, List<String> labels, List<Double> realShares,
        List<Double> syntheticShares, List<Double> binEdges, double realNullShare, double syntheticNullShare,
        int otherCategories) {

    public ColumnDistribution {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(kind, "kind");
        labels = List.copyOf(labels);
        realShares = List.copyOf(realShares);
        syntheticShares = List.copyOf(syntheticShares);
        binEdges = List.copyOf(binEdges);
        if (realShares.size() != labels.size() || syntheticShares.size() != labels.size()) {
            throw new IllegalArgumentException("column '" + column + "': " + labels.size() + " labels but "
                    + realShares.size() + " real and " + syntheticShares.size() + " synthetic shares");
        }
        if (!binEdges.isEmpty() && binEdges.size() != labels.size() + 1) {
            throw new IllegalArgumentException("column '" + column + "': " + labels.size() + " bins need "
                    + (labels.size() + 1) + " edges, got " + binEdges.size());
        }
        Scores.unit("real null share", realNullShare);
        Scores.unit("synthetic null share", syntheticNullShare);
        Scores.count("otherCategories", otherCategories);
    }
}
