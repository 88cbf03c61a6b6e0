package io.shadowfeed.trainer.evaluate;

import java.util.List;
import java.util.Objects;

/** The Column Shapes property: the mean of the per-column scores, and those scores in column order. */
public record ColumnShapesScore(double score, List<ColumnShape> columns) {

    public ColumnShapesScore {
        Scores.unit("column shapes score", score);
        columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("column shapes need at least one column");
        }
    }
}
