package io.shadowfeed.trainer.evaluate;

/** The rows each table of an evaluation had; {@code holdout} is null when none was given. */
public record RowCounts(int real, int synthetic, Integer holdout) {

    public RowCounts {
        Scores.count("real rows", real);
        Scores.count("synthetic rows", synthetic);
        if (holdout != null) {
            Scores.count("holdout rows", holdout);
        }
    }
}
