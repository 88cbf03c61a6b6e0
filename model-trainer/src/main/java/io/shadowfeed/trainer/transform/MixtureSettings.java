package io.shadowfeed.trainer.transform;

/**
 * The options of a {@link BayesianGaussianMixture} fit. {@link #defaults()} are the CTGAN reference's (scikit-learn's
 * {@code BayesianGaussianMixture(n_components=10, weight_concentration_prior_type='dirichlet_process',
 * weight_concentration_prior=0.001, max_iter=100, tol=1e-3)}, components kept above weight 0.005).
 *
 * @param maxComponents            the truncation level of the Dirichlet process: at most this many components
 * @param weightConcentrationPrior the stick-breaking concentration; small values leave few components in use
 * @param weightThreshold          a component is active when its weight is above this
 * @param maxIterations            variational iterations at most
 * @param tolerance                stop once the lower bound changes by less than this between iterations
 * @param maxFitRows               fit on a seeded sample of at most this many values
 */
public record MixtureSettings(int maxComponents, double weightConcentrationPrior, double weightThreshold,
        int maxIterations, double tolerance, int maxFitRows) {

    public static final int DEFAULT_MAX_COMPONENTS = 10;
    public static final double DEFAULT_WEIGHT_CONCENTRATION_PRIOR = 0.001;
    public static final double DEFAULT_WEIGHT_THRESHOLD = 0.005;
    public static final int DEFAULT_MAX_ITERATIONS = 100;
    public static final double DEFAULT_TOLERANCE = 1e-3;
    /** Large enough that Adult (32,561 rows) is fitted whole, as the reference does; bigger tables are sampled. */
    public static final int DEFAULT_MAX_FIT_ROWS = 50_000;

    public MixtureSettings {
        TransformPreconditions.checkPositive(maxComponents, "maxComponents");
        TransformPreconditions.checkPositive(weightConcentrationPrior, "weightConcentrationPrior");
        TransformPreconditions.checkProbability(weightThreshold, "weightThreshold");
        TransformPreconditions.checkPositive(maxIterations, "maxIterations");
        TransformPreconditions.checkPositive(tolerance, "tolerance");
        TransformPreconditions.checkPositive(maxFitRows, "maxFitRows");
    }

    public static MixtureSettings defaults() {
        return new MixtureSettings(DEFAULT_MAX_COMPONENTS, DEFAULT_WEIGHT_CONCENTRATION_PRIOR,
                DEFAULT_WEIGHT_THRESHOLD, DEFAULT_MAX_ITERATIONS, DEFAULT_TOLERANCE, DEFAULT_MAX_FIT_ROWS);
    }
}
