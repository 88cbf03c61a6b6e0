package io.shadowfeed.trainer.evaluate;

/**
 * Distance-to-closest-record results. Distances are the mean over modelled columns of {@code |a - b| / range} for
 * numeric columns (capped at 1; null against a value 1, null against null 0) and 0/1 for categorical ones.
 *
 * @param share share of synthetic rows whose closest training row is nearer than their closest holdout row (ties
 *     count half); about 0.5 means no memorisation. Null without a holdout.
 * @param overfittingProtection {@code min(2 (1 - share), 1)}; null without a holdout.
 * @param nndrMedian median over synthetic rows of nearest / second-nearest training distance (1 where both are 0)
 * @param nndrP05 5th percentile of the same ratios: small values flag rows sitting next to one real row
 * @param medianDistanceToTraining median distance of a synthetic row to its closest training row
 * @param medianDistanceToHoldout the same against the holdout sample; null without a holdout
 * @param trainingSample training rows sampled (equal to the holdout sample when there is one)
 * @param holdoutSample holdout rows sampled; null without a holdout
 * @param syntheticSample synthetic rows sampled
 */
public record DcrScores(Double share, Double overfittingProtection, double nndrMedian, double nndrP05,
        double medianDistanceToTraining, Double medianDistanceToHoldout, int trainingSample, Integer holdoutSample,
        int syntheticSample) {

    public DcrScores {
        Scores.unitOrNull("DCR share", share);
        Scores.unitOrNull("DCR overfitting protection", overfittingProtection);
        if ((share == null) != (holdoutSample == null) || (share == null) != (overfittingProtection == null)
                || (share == null) != (medianDistanceToHoldout == null)) {
            throw new IllegalArgumentException(
                    "share, overfitting protection, holdout distance and holdout sample are all set or all null");
        }
        Scores.unit("NNDR median", nndrMedian);
        Scores.unit("NNDR 5th percentile", nndrP05);
        Scores.unit("median distance to training", medianDistanceToTraining);
        Scores.unitOrNull("median distance to holdout", medianDistanceToHoldout);
        Scores.count("trainingSample", trainingSample);
        Scores.count("syntheticSample", syntheticSample);
        if (holdoutSample != null) {
            Scores.count("holdoutSample", holdoutSample);
        }
    }

    /** SDMetrics' DCROverfittingProtection: 1 up to a share of 0.5, falling to 0 at a share of 1. */
    public static double overfittingProtection(double share) {
        return Math.min(2 * (1 - share), 1);
    }
}
