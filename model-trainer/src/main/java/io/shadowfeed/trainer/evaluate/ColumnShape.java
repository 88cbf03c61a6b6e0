package io.shadowfeed.trainer.evaluate;

import io.shadowfeed.trainer.data.ColumnKind;
import java.util.Objects;

/** How well one column's distribution is reproduced: {@code metric} is KSComplement or TVComplement. */
public record ColumnShape(String column, ColumnKind kind, String metric, double score) {

    public ColumnShape {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(metric, "metric");
        Scores.unit("score of column '" + column + "'", score);
    }
}
