package io.shadowfeed.trainer.evaluate;

import java.util.List;
import java.util.Objects;

/**
 * The Column Pair Trends property: the mean of the per-pair scores and those scores, pairs in column order. With a
 * single modelled column there are no pairs and the score is null.
 */
public record ColumnPairTrendsScore(Double score, List<ColumnPairTrend> pairs) {

    public ColumnPairTrendsScore {
        pairs = List.copyOf(Objects.requireNonNull(pairs, "pairs"));
        if ((score == null) != pairs.isEmpty()) {
            throw new IllegalArgumentException("the score is null exactly when there are no pairs; got score "
                    + score + " for " + pairs.size() + " pairs");
        }
        Scores.unitOrNull("column pair trends score", score);
    }
}
