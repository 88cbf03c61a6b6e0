package io.shadowfeed.trainer.transform;

/**
 * The options of {@link DataTransformer#fit}: the mixture of every continuous column and the rare-category rule of
 * every categorical one. Build with {@link #builder()}; {@link #defaults()} follows the CTGAN reference.
 *
 * @param mixture               how continuous columns are fitted
 * @param rareCategoryMinCount  categories seen fewer times than this in training share one bucket; 1 (the default)
 *                              merges nothing, as the reference does
 */
public record TransformerSettings(MixtureSettings mixture, int rareCategoryMinCount) {

    public static final int DEFAULT_RARE_CATEGORY_MIN_COUNT = 1;

    public TransformerSettings {
        TransformPreconditions.checkNotNull(mixture, "mixture");
        TransformPreconditions.checkPositive(rareCategoryMinCount, "rareCategoryMinCount");
    }

    public static TransformerSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Defaults everywhere; each setter checks its value at once. */
    public static final class Builder {
        private int maxComponents = MixtureSettings.DEFAULT_MAX_COMPONENTS;
        private double weightConcentrationPrior = MixtureSettings.DEFAULT_WEIGHT_CONCENTRATION_PRIOR;
        private double weightThreshold = MixtureSettings.DEFAULT_WEIGHT_THRESHOLD;
        private int maxIterations = MixtureSettings.DEFAULT_MAX_ITERATIONS;
        private double tolerance = MixtureSettings.DEFAULT_TOLERANCE;
        private int maxFitRows = MixtureSettings.DEFAULT_MAX_FIT_ROWS;
        private int rareCategoryMinCount = DEFAULT_RARE_CATEGORY_MIN_COUNT;

        private Builder() {}

        public Builder maxComponents(int value) {
            maxComponents = TransformPreconditions.checkPositive(value, "maxComponents");
            return this;
        }

        public Builder weightConcentrationPrior(double value) {
            weightConcentrationPrior = TransformPreconditions.checkPositive(value, "weightConcentrationPrior");
            return this;
        }

        public Builder weightThreshold(double value) {
            weightThreshold = TransformPreconditions.checkProbability(value, "weightThreshold");
            return this;
        }

        public Builder maxIterations(int value) {
            maxIterations = TransformPreconditions.checkPositive(value, "maxIterations");
            return this;
        }

        public Builder tolerance(double value) {
            tolerance = TransformPreconditions.checkPositive(value, "tolerance");
            return this;
        }

        public Builder maxFitRows(int value) {
            maxFitRows = TransformPreconditions.checkPositive(value, "maxFitRows");
            return this;
        }

        public Builder rareCategoryMinCount(int value) {
            rareCategoryMinCount = TransformPreconditions.checkPositive(value, "rareCategoryMinCount");
            return this;
        }

        public TransformerSettings build() {
            return new TransformerSettings(new MixtureSettings(maxComponents, weightConcentrationPrior,
                    weightThreshold, maxIterations, tolerance, maxFitRows), rareCategoryMinCount);
        }
    }
}
