package io.shadowfeed.trainer.transform;

import java.util.Arrays;

/**
 * The variational posterior of a fitted {@link BayesianGaussianMixture}, component by component: everything its
 * weights, means, standard deviations and posterior probabilities are computed from. Part of
 * {@link TransformerState}; arrays are copied in and out.
 *
 * @param concentrationAlpha the first parameter of each stick-breaking Beta posterior
 * @param concentrationBeta  the second parameter of each stick-breaking Beta posterior
 * @param meanPrecisions     the precision scale of each mean's Normal posterior
 * @param means              each component's posterior mean
 * @param degreesOfFreedom   each precision's Gamma (1-D Wishart) posterior degrees of freedom
 * @param covariances        each component's expected covariance (the inverse of the expected precision)
 * @param weightThreshold    components whose weight is above this are active
 * @param iterations         variational iterations the fit ran
 * @param converged          whether the lower bound settled before the iteration limit
 */
public record MixtureState(double[] concentrationAlpha, double[] concentrationBeta, double[] meanPrecisions,
        double[] means, double[] degreesOfFreedom, double[] covariances, double weightThreshold, int iterations,
        boolean converged) {

    public MixtureState {
        TransformPreconditions.checkNotNull(concentrationAlpha, "concentrationAlpha");
        int k = concentrationAlpha.length;
        TransformPreconditions.checkPositive(k, "number of components");
        concentrationAlpha = positive(concentrationAlpha, k, "concentrationAlpha");
        concentrationBeta = positive(concentrationBeta, k, "concentrationBeta");
        meanPrecisions = positive(meanPrecisions, k, "meanPrecisions");
        degreesOfFreedom = positive(degreesOfFreedom, k, "degreesOfFreedom");
        covariances = positive(covariances, k, "covariances");
        TransformPreconditions.checkNotNull(means, "means");
        TransformPreconditions.checkArgument(means.length == k,
                "means must have one entry per component (%s). Provided value: %s entries", k, means.length);
        for (double mean : means) {
            TransformPreconditions.checkFinite(mean, "means");
        }
        means = means.clone();
        TransformPreconditions.checkProbability(weightThreshold, "weightThreshold");
        TransformPreconditions.checkNonNegative(iterations, "iterations");
    }

    private static double[] positive(double[] values, int k, String param) {
        TransformPreconditions.checkNotNull(values, param);
        TransformPreconditions.checkArgument(values.length == k,
                "%s must have one entry per component (%s). Provided value: %s entries", param, k, values.length);
        for (double value : values) {
            TransformPreconditions.checkPositive(value, param);
        }
        return values.clone();
    }

    public int componentCount() {
        return means.length;
    }

    @Override
    public double[] concentrationAlpha() {
        return concentrationAlpha.clone();
    }

    @Override
    public double[] concentrationBeta() {
        return concentrationBeta.clone();
    }

    @Override
    public double[] meanPrecisions() {
        return meanPrecisions.clone();
    }

    @Override
    public double[] means() {
        return means.clone();
    }

    @Override
    public double[] degreesOfFreedom() {
        return degreesOfFreedom.clone();
    }

    @Override
    public double[] covariances() {
        return covariances.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MixtureState other && Arrays.equals(concentrationAlpha, other.concentrationAlpha)
                && Arrays.equals(concentrationBeta, other.concentrationBeta)
                && Arrays.equals(meanPrecisions, other.meanPrecisions) && Arrays.equals(means, other.means)
                && Arrays.equals(degreesOfFreedom, other.degreesOfFreedom)
                && Arrays.equals(covariances, other.covariances)
                && Double.compare(weightThreshold, other.weightThreshold) == 0 && iterations == other.iterations
                && converged == other.converged;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(means) * 31 + Arrays.hashCode(covariances);
    }

    @Override
    public String toString() {
        return "MixtureState[components=" + means.length + ", iterations=" + iterations + ", converged=" + converged
                + "]";
    }
}
