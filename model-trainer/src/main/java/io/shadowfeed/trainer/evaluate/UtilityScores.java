package io.shadowfeed.trainer.evaluate;

import java.util.Objects;

/**
 * Machine-learning efficacy: one classifier trained on synthetic rows (TSTR) and on real training rows (TRTR), both
 * tested on the real holdout.
 *
 * @param target the predicted column
 * @param classifier what was trained ({@link UtilityClassifier#description()})
 * @param positiveClass for a two-class target, the real training data's minority class whose F1 is reported; null
 *     for more classes, where F1 is the macro average over the real classes
 * @param tstrF1 F1 of the model trained on synthetic data
 * @param trtrF1 F1 of the model trained on real data
 * @param tstrAccuracy accuracy of the model trained on synthetic data
 * @param trtrAccuracy accuracy of the model trained on real data
 * @param trainingRows real training rows used (after dropping null targets and sampling)
 * @param syntheticRows synthetic rows used
 * @param holdoutRows holdout rows tested on
 */
public record UtilityScores(String target, String classifier, String positiveClass, double tstrF1, double trtrF1,
        double tstrAccuracy, double trtrAccuracy, int trainingRows, int syntheticRows, int holdoutRows) {

    public UtilityScores {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(classifier, "classifier");
        Scores.unit("TSTR F1", tstrF1);
        Scores.unit("TRTR F1", trtrF1);
        Scores.unit("TSTR accuracy", tstrAccuracy);
        Scores.unit("TRTR accuracy", trtrAccuracy);
        Scores.count("trainingRows", trainingRows);
        Scores.count("syntheticRows", syntheticRows);
        Scores.count("holdoutRows", holdoutRows);
    }

    /** How F1 is averaged: {@code "binary"} (F1 of {@link #positiveClass()}) or {@code "macro"}. */
    public String f1Average() {
        return positiveClass == null ? "macro" : "binary";
    }
}
