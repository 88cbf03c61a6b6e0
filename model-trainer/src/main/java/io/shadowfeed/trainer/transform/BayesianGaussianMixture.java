package io.shadowfeed.trainer.transform;

import java.util.Arrays;

/**
 * A fitted one-dimensional variational Bayesian Gaussian mixture with a Dirichlet-process (stick-breaking) weight
 * prior: the mode model of CTGAN's mode-specific normalization. The small weight concentration prior drives the
 * weight of components the data does not need towards zero; those above the weight threshold are <em>active</em>.
 *
 * <p>Fitted by {@link #fit}, a port of scikit-learn's {@code BayesianGaussianMixture} (see {@code VariationalFit});
 * immutable and thread-safe.
 */
public final class BayesianGaussianMixture {

    private final MixtureState state;
    private final double[] weights;
    private final double[] means;
    private final double[] stds;
    private final int[] active;
    /** Per component: expected log weight plus the value-free part of the expected log density. */
    private final double[] logConstant;
    private final double[] halfPrecision;

    private BayesianGaussianMixture(MixtureState state) {
        this.state = state;
        int k = state.componentCount();
        double[] alpha = state.concentrationAlpha();
        double[] beta = state.concentrationBeta();
        double[] covariances = state.covariances();
        double[] meanPrecisions = state.meanPrecisions();
        double[] dof = state.degreesOfFreedom();
        means = state.means();
        weights = new double[k];
        stds = new double[k];
        logConstant = new double[k];
        halfPrecision = new double[k];
        // Point weights: the expected stick-breaking proportions, normalized as scikit-learn's weights_.
        double remaining = 1.0;
        double total = 0;
        for (int c = 0; c < k; c++) {
            double sum = alpha[c] + beta[c];
            weights[c] = alpha[c] / sum * remaining;
            remaining *= beta[c] / sum;
            total += weights[c];
        }
        double[] logWeights = VariationalFit.expectedLogWeights(alpha, beta);
        for (int c = 0; c < k; c++) {
            weights[c] /= total;
            stds[c] = Math.sqrt(covariances[c]);
            logConstant[c] = logWeights[c]
                    + VariationalFit.logDensityConstant(meanPrecisions[c], dof[c], covariances[c]);
            halfPrecision[c] = 0.5 / covariances[c];
        }
        active = activeComponents(weights, state.weightThreshold());
    }

    private static int[] activeComponents(double[] weights, double threshold) {
        int[] picked = new int[weights.length];
        int count = 0;
        int heaviest = 0;
        for (int c = 0; c < weights.length; c++) {
            if (weights[c] > threshold) {
                picked[count++] = c;
            }
            if (weights[c] > weights[heaviest]) {
                heaviest = c;
            }
        }
        // Only a threshold at or above 1 / components could leave none; the heaviest then stands alone.
        return count == 0 ? new int[] {heaviest} : Arrays.copyOf(picked, count);
    }

    /**
     * Fits a mixture to the values, on a seeded sample of at most {@code settings.maxFitRows()} of them; the same
     * values, settings and seed give the same mixture.
     *
     * @param values finite values, at least one (callers drop nulls first)
     * @throws IllegalArgumentException if there are no values or one is not finite
     */
    public static BayesianGaussianMixture fit(double[] values, MixtureSettings settings, long seed) {
        TransformPreconditions.checkNotNull(values, "values");
        TransformPreconditions.checkNotNull(settings, "settings");
        TransformPreconditions.checkArgument(values.length > 0, "values must not be empty. Provided value: 0 values");
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("values must be finite. Provided value: " + values[i]
                        + " at position " + i);
            }
        }
        return new BayesianGaussianMixture(VariationalFit.fit(values, settings, seed));
    }

    /** The mixture a {@link #state()} describes. */
    public static BayesianGaussianMixture fromState(MixtureState state) {
        return new BayesianGaussianMixture(TransformPreconditions.checkNotNull(state, "state"));
    }

    public MixtureState state() {
        return state;
    }

    /** All fitted components, active or not. */
    public int componentCount() {
        return means.length;
    }

    /** Each component's weight; they sum to 1. */
    public double[] weights() {
        return weights.clone();
    }

    public double[] means() {
        return means.clone();
    }

    public double[] stds() {
        return stds.clone();
    }

    public double weight(int component) {
        return weights[component];
    }

    public double mean(int component) {
        return means[component];
    }

    public double std(int component) {
        return stds[component];
    }

    /** The components whose weight is above the threshold, in component order. */
    public int[] activeComponents() {
        return active.clone();
    }

    public int activeCount() {
        return active.length;
    }

    public boolean isActive(int component) {
        return Arrays.binarySearch(active, component) >= 0;
    }

    public int iterations() {
        return state.iterations();
    }

    public boolean converged() {
        return state.converged();
    }

    /** The posterior probability of each component for a value (scikit-learn's {@code predict_proba}). */
    public double[] posterior(double x) {
        double[] out = new double[means.length];
        posterior(x, out);
        return out;
    }

    /** {@link #posterior(double)} into {@code out} (at least {@link #componentCount()} long), allocation-free. */
    public void posterior(double x, double[] out) {
        logPosteriorUnnormalized(x, out);
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < means.length; c++) {
            max = Math.max(max, out[c]);
        }
        double sum = 0;
        for (int c = 0; c < means.length; c++) {
            out[c] = Math.exp(out[c] - max);
            sum += out[c];
        }
        for (int c = 0; c < means.length; c++) {
            out[c] /= sum;
        }
    }

    /** The log posterior of each component up to one additive constant: enough for an argmax. */
    void logPosteriorUnnormalized(double x, double[] out) {
        for (int c = 0; c < means.length; c++) {
            double d = x - means[c];
            out[c] = logConstant[c] - halfPrecision[c] * d * d;
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("BayesianGaussianMixture[");
        for (int c : active) {
            text.append(String.format("(w=%.4f, mean=%.4g, std=%.4g)", weights[c], means[c], stds[c]));
        }
        return text.append(", ").append(componentCount() - active.length).append(" inactive]").toString();
    }
}
