package io.shadowfeed.trainer.transform;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

/**
 * Mean-field variational inference for a 1-D Gaussian mixture with a truncated Dirichlet-process (stick-breaking)
 * weight prior and Normal-Gamma component priors; the steps and the lower bound follow scikit-learn's
 * {@code BayesianGaussianMixture} with {@code covariance_type='full'} in one dimension. Written here because none of
 * the project's libraries (commons-math3, Tribuo, DJL) has a variational Dirichlet-process mixture.
 *
 * <p>Works on distinct values with their counts: columns such as Adult's {@code capital_gain} (92% zeros) or
 * {@code age} (73 distinct values) then cost a few hundred values per iteration instead of tens of thousands, with
 * the same result as the expanded data.
 */
final class VariationalFit {

    /** Added to every component's variance, as scikit-learn's {@code reg_covar}. */
    static final double REG_COVAR = 1e-6;
    /** Floor of a component's soft count, as scikit-learn's {@code 10 * eps}: keeps empty components finite. */
    private static final double COUNT_FLOOR = 10 * Math.ulp(1.0);
    private static final double LOG_2PI = Math.log(2 * Math.PI);
    private static final double LOG_2 = Math.log(2);
    private static final double MEAN_PRECISION_PRIOR = 1.0;
    private static final double DEGREES_OF_FREEDOM_PRIOR = 1.0;

    private final double[] x;
    private final double[] w;
    private final int k;
    private final double concentrationPrior;
    private final double meanPrior;
    private final double covariancePrior;

    private final double[] alpha;
    private final double[] beta;
    private final double[] meanPrecision;
    private final double[] mean;
    private final double[] dof;
    private final double[] covariance;
    /** Responsibilities, distinct value by component. */
    private final double[] resp;

    private VariationalFit(double[] x, double[] w, int k, double concentrationPrior) {
        this.x = x;
        this.w = w;
        this.k = k;
        this.concentrationPrior = concentrationPrior;
        double total = 0;
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            total += w[i];
            sum += w[i] * x[i];
        }
        meanPrior = sum / total;
        double squares = 0;
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - meanPrior;
            squares += w[i] * d * d;
        }
        // numpy's np.cov (ddof 1); a single value has no spread.
        covariancePrior = total > 1 ? squares / (total - 1) : 0.0;
        alpha = new double[k];
        beta = new double[k];
        meanPrecision = new double[k];
        mean = new double[k];
        dof = new double[k];
        covariance = new double[k];
        resp = new double[x.length * k];
    }

    /**
     * Fits the mixture.
     *
     * @param values finite values, at least one
     */
    static MixtureState fit(double[] values, MixtureSettings settings, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] sample = sample(values, settings.maxFitRows(), random);
        Arrays.sort(sample);
        int distinct = 1;
        for (int i = 1; i < sample.length; i++) {
            if (sample[i] != sample[i - 1]) {
                distinct++;
            }
        }
        double[] x = new double[distinct];
        double[] w = new double[distinct];
        int d = -1;
        for (int i = 0; i < sample.length; i++) {
            if (i == 0 || sample[i] != sample[i - 1]) {
                x[++d] = sample[i];
            }
            w[d]++;
        }
        // More components than distinct values could only be empty ones.
        int k = Math.min(settings.maxComponents(), distinct);
        return fitFrom(x, w, WeightedKMeans.labels(x, w, k, random), k, settings);
    }

    /**
     * Fits from a given initial hard assignment.
     *
     * @param x      distinct values, ascending
     * @param w      their counts
     * @param labels each value's initial component, in [0, k)
     */
    static MixtureState fitFrom(double[] x, double[] w, int[] labels, int k, MixtureSettings settings) {
        return new VariationalFit(x, w, k, settings.weightConcentrationPrior()).run(labels, settings);
    }

    /** A seeded sample without replacement of at most {@code limit} values (all of them, copied, when fewer). */
    private static double[] sample(double[] values, int limit, SplittableRandom random) {
        double[] copy = values.clone();
        if (copy.length <= limit) {
            return copy;
        }
        for (int i = 0; i < limit; i++) {
            int j = i + random.nextInt(copy.length - i);
            double t = copy[i];
            copy[i] = copy[j];
            copy[j] = t;
        }
        return Arrays.copyOf(copy, limit);
    }

    private MixtureState run(int[] labels, MixtureSettings settings) {
        for (int i = 0; i < x.length; i++) {
            resp[i * k + labels[i]] = 1.0;
        }
        maximize();
        double lowerBound = Double.NEGATIVE_INFINITY;
        boolean converged = false;
        int iteration = 0;
        while (iteration < settings.maxIterations()) {
            iteration++;
            double previous = lowerBound;
            double entropy = expect();
            maximize();
            lowerBound = lowerBound(entropy);
            if (Math.abs(lowerBound - previous) < settings.tolerance()) {
                converged = true;
                break;
            }
        }
        return new MixtureState(alpha, beta, meanPrecision, mean, dof, covariance, settings.weightThreshold(),
                iteration, converged);
    }

    /** E-step: responsibilities from the current posteriors; returns {@code -sum w r log r}. */
    private double expect() {
        double[] logWeights = expectedLogWeights(alpha, beta);
        double[] constant = new double[k];
        double[] halfPrecision = new double[k];
        for (int c = 0; c < k; c++) {
            constant[c] = logWeights[c] + logDensityConstant(meanPrecision[c], dof[c], covariance[c]);
            halfPrecision[c] = 0.5 / covariance[c];
        }
        double[] logShifted = new double[k];
        double entropy = 0;
        for (int i = 0; i < x.length; i++) {
            int row = i * k;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double d = x[i] - mean[c];
                double logProbability = constant[c] - halfPrecision[c] * d * d;
                resp[row + c] = logProbability;
                max = Math.max(max, logProbability);
            }
            double sum = 0;
            for (int c = 0; c < k; c++) {
                double shifted = resp[row + c] - max;
                double e = Math.exp(shifted);
                sum += e;
                // Keep the shifted log for the entropy; the exponential replaces it below.
                resp[row + c] = e;
                logShifted[c] = shifted;
            }
            double logSum = Math.log(sum);
            for (int c = 0; c < k; c++) {
                double r = resp[row + c] / sum;
                resp[row + c] = r;
                if (r > 0) {
                    entropy -= w[i] * r * (logShifted[c] - logSum);
                }
            }
        }
        return entropy;
    }

    /** M-step: the posteriors from the responsibilities. */
    private void maximize() {
        double[] count = new double[k];
        double[] centre = new double[k];
        double[] spread = new double[k];
        for (int i = 0; i < x.length; i++) {
            for (int c = 0; c < k; c++) {
                double mass = w[i] * resp[i * k + c];
                count[c] += mass;
                centre[c] += mass * x[i];
            }
        }
        for (int c = 0; c < k; c++) {
            count[c] += COUNT_FLOOR;
            centre[c] /= count[c];
        }
        for (int i = 0; i < x.length; i++) {
            for (int c = 0; c < k; c++) {
                double d = x[i] - centre[c];
                spread[c] += w[i] * resp[i * k + c] * d * d;
            }
        }
        double later = 0;
        for (int c = k - 1; c >= 0; c--) {
            spread[c] = spread[c] / count[c] + REG_COVAR;
            // Stick-breaking: component c's stick against the mass of the components after it.
            alpha[c] = 1.0 + count[c];
            beta[c] = concentrationPrior + later;
            later += count[c];
            meanPrecision[c] = MEAN_PRECISION_PRIOR + count[c];
            mean[c] = (MEAN_PRECISION_PRIOR * meanPrior + count[c] * centre[c]) / meanPrecision[c];
            dof[c] = DEGREES_OF_FREEDOM_PRIOR + count[c];
            double offset = centre[c] - meanPrior;
            covariance[c] = (covariancePrior + count[c] * spread[c]
                    + count[c] * MEAN_PRECISION_PRIOR / meanPrecision[c] * offset * offset) / dof[c];
        }
    }

    /** The evidence lower bound, up to the constant scikit-learn leaves out too. */
    private double lowerBound(double entropy) {
        double bound = entropy;
        for (int c = 0; c < k; c++) {
            double logDetCholesky = -0.5 * Math.log(covariance[c]) - 0.5 * Math.log(dof[c]);
            double logWishartNorm = -(dof[c] * logDetCholesky + dof[c] * 0.5 * LOG_2 + Gamma.logGamma(0.5 * dof[c]));
            bound -= logWishartNorm;
            bound += Beta.logBeta(alpha[c], beta[c]);
            bound -= 0.5 * Math.log(meanPrecision[c]);
        }
        return bound;
    }

    /** E[log pi_c] under the stick-breaking posteriors: E[log v_c] + sum over j < c of E[log(1 - v_j)]. */
    static double[] expectedLogWeights(double[] alpha, double[] beta) {
        double[] logWeights = new double[alpha.length];
        double before = 0;
        for (int c = 0; c < alpha.length; c++) {
            double digammaSum = Gamma.digamma(alpha[c] + beta[c]);
            logWeights[c] = Gamma.digamma(alpha[c]) - digammaSum + before;
            before += Gamma.digamma(beta[c]) - digammaSum;
        }
        return logWeights;
    }

    /**
     * The part of a component's expected log density that does not depend on the value: with the expected
     * precision's log (digamma) and the mean's posterior uncertainty, as the variational E-step uses it.
     */
    static double logDensityConstant(double meanPrecision, double dof, double covariance) {
        double logLambda = LOG_2 + Gamma.digamma(0.5 * dof);
        return -0.5 * LOG_2PI - 0.5 * Math.log(covariance) - 0.5 * Math.log(dof)
                + 0.5 * (logLambda - 1.0 / meanPrecision);
    }
}
