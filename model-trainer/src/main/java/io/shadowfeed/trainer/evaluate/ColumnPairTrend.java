package io.shadowfeed.trainer.evaluate;

import java.util.Objects;

/**
 * How well the relationship between two columns is reproduced. {@code metric} is CorrelationSimilarity or
 * ContingencySimilarity. The association values describe each table on its own for the heat-maps: Pearson's r for
 * two numeric columns ({@code association} = {@value #PEARSON}), Cramér's V otherwise ({@value #CRAMERS_V}); null
 * where undefined (a constant column).
 */
public record ColumnPairTrend(String first, String second, String metric, double score, String association,
        Double realAssociation, Double syntheticAssociation) {
    public static final String PEARSON = "pearson";
    public static final String CRAMERS_V = "cramers_v";

    public ColumnPairTrend {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        Objects.requireNonNull(metric, "metric");
        Scores.unit("score of pair ('" + first + "', '" + second + "')", score);
        if (!PEARSON.equals(association) && !CRAMERS_V.equals(association)) {
            throw new IllegalArgumentException(
                    "association must be " + PEARSON + " or " + CRAMERS_V + ". Provided value: " + association);
        }
        Scores.signedUnitOrNull("real association", realAssociation);
        Scores.signedUnitOrNull("synthetic association", syntheticAssociation);
    }
}
