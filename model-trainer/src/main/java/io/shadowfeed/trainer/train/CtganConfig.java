package io.shadowfeed.trainer.train;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Arrays;

/**
 * CTGAN's hyper-parameters, with the defaults of the paper and the reference implementation (REFERENCE.md).
 * Built with {@link #builder()}, validated on build.
 */
public record CtganConfig(
        @JsonProperty("epochs") int epochs,
        @JsonProperty("batch_size") int batchSize,
        @JsonProperty("noise_width") int noiseWidth,
        @JsonProperty("generator_sizes") int[] generatorSizes,
        @JsonProperty("critic_sizes") int[] criticSizes,
        @JsonProperty("pac") int pac,
        @JsonProperty("dropout") float dropout,
        @JsonProperty("generator_learning_rate") float generatorLearningRate,
        @JsonProperty("critic_learning_rate") float criticLearningRate,
        @JsonProperty("beta1") float beta1,
        @JsonProperty("beta2") float beta2,
        @JsonProperty("weight_decay") float weightDecay,
        @JsonProperty("gradient_penalty_weight") float gradientPenaltyWeight,
        @JsonProperty("gumbel_tau") float gumbelTau,
        @JsonProperty("critic_steps") int criticSteps,
        @JsonProperty("seed") long seed,
        @JsonProperty("threads") int threads,
        @JsonProperty("checkpoint_every") int checkpointEvery) {

    public CtganConfig {
        generatorSizes = generatorSizes.clone();
        criticSizes = criticSizes.clone();
        require(epochs >= 1, "epochs must be at least 1, got " + epochs);
        require(pac >= 1, "pac must be at least 1, got " + pac);
        require(batchSize >= 2 && batchSize % 2 == 0 && batchSize % pac == 0,
                "batch size must be even and a multiple of pac (" + pac + "), got " + batchSize);
        require(noiseWidth >= 1, "noise width must be at least 1, got " + noiseWidth);
        require(generatorSizes.length > 0 && criticSizes.length > 0, "both networks need a hidden layer");
        require(dropout >= 0 && dropout < 1, "dropout must be in [0, 1), got " + dropout);
        require(generatorLearningRate > 0 && criticLearningRate > 0, "learning rates must be positive");
        require(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1, "Adam betas must be in [0, 1)");
        require(weightDecay >= 0, "weight decay must be non-negative, got " + weightDecay);
        require(gradientPenaltyWeight >= 0, "gradient penalty weight must be non-negative");
        require(gumbelTau > 0, "Gumbel-softmax temperature must be positive, got " + gumbelTau);
        require(criticSteps >= 1, "critic steps must be at least 1, got " + criticSteps);
        require(threads >= 1, "threads must be at least 1, got " + threads);
        require(checkpointEvery >= 0, "checkpoint interval must be 0 (off) or positive, got " + checkpointEvery);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder().setEpochs(epochs).setBatchSize(batchSize).setNoiseWidth(noiseWidth)
                .setGeneratorSizes(generatorSizes).setCriticSizes(criticSizes).setPac(pac).setDropout(dropout)
                .setLearningRates(generatorLearningRate, criticLearningRate).setBetas(beta1, beta2)
                .setWeightDecay(weightDecay).setGradientPenaltyWeight(gradientPenaltyWeight)
                .setGumbelTau(gumbelTau).setCriticSteps(criticSteps).setSeed(seed).setThreads(threads)
                .setCheckpointEvery(checkpointEvery);
    }

    @Override
    public int[] generatorSizes() {
        return generatorSizes.clone();
    }

    @Override
    public int[] criticSizes() {
        return criticSizes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CtganConfig other && toString().equals(other.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return "CtganConfig[epochs=" + epochs + ", batchSize=" + batchSize + ", noiseWidth=" + noiseWidth
                + ", generatorSizes=" + Arrays.toString(generatorSizes) + ", criticSizes="
                + Arrays.toString(criticSizes) + ", pac=" + pac + ", dropout=" + dropout + ", learningRates="
                + generatorLearningRate + "/" + criticLearningRate + ", betas=" + beta1 + "/" + beta2
                + ", weightDecay=" + weightDecay + ", gradientPenaltyWeight=" + gradientPenaltyWeight
                + ", gumbelTau=" + gumbelTau + ", criticSteps=" + criticSteps + ", seed=" + seed + ", threads="
                + threads + ", checkpointEvery=" + checkpointEvery + "]";
    }

    /** Defaults: 300 epochs, batch 500, noise 128, (256, 256) both networks, pac 10, Adam 2e-4 (0.5, 0.9). */
    public static final class Builder {
        private int epochs = 300;
        private int batchSize = 500;
        private int noiseWidth = 128;
        private int[] generatorSizes = {256, 256};
        private int[] criticSizes = {256, 256};
        private int pac = 10;
        private float dropout = 0.5f;
        private float generatorLearningRate = 2e-4f;
        private float criticLearningRate = 2e-4f;
        private float beta1 = 0.5f;
        private float beta2 = 0.9f;
        private float weightDecay = 1e-6f;
        private float gradientPenaltyWeight = 10f;
        private float gumbelTau = 0.2f;
        private int criticSteps = 1;
        private long seed = 42;
        private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        private int checkpointEvery = 0;

        private Builder() {
        }

        public Builder setEpochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        public Builder setBatchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        public Builder setNoiseWidth(int noiseWidth) {
            this.noiseWidth = noiseWidth;
            return this;
        }

        public Builder setGeneratorSizes(int... sizes) {
            this.generatorSizes = sizes.clone();
            return this;
        }

        public Builder setCriticSizes(int... sizes) {
            this.criticSizes = sizes.clone();
            return this;
        }

        public Builder setPac(int pac) {
            this.pac = pac;
            return this;
        }

        public Builder setDropout(float dropout) {
            this.dropout = dropout;
            return this;
        }

        public Builder setLearningRates(float generator, float critic) {
            this.generatorLearningRate = generator;
            this.criticLearningRate = critic;
            return this;
        }

        public Builder setBetas(float beta1, float beta2) {
            this.beta1 = beta1;
            this.beta2 = beta2;
            return this;
        }

        public Builder setWeightDecay(float weightDecay) {
            this.weightDecay = weightDecay;
            return this;
        }

        public Builder setGradientPenaltyWeight(float weight) {
            this.gradientPenaltyWeight = weight;
            return this;
        }

        public Builder setGumbelTau(float tau) {
            this.gumbelTau = tau;
            return this;
        }

        public Builder setCriticSteps(int steps) {
            this.criticSteps = steps;
            return this;
        }

        public Builder setSeed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder setThreads(int threads) {
            this.threads = threads;
            return this;
        }

        /** Write a resumable checkpoint every {@code epochs} epochs; 0 turns checkpoints off. */
        public Builder setCheckpointEvery(int epochs) {
            this.checkpointEvery = epochs;
            return this;
        }

        public CtganConfig build() {
            return new CtganConfig(epochs, batchSize, noiseWidth, generatorSizes, criticSizes, pac, dropout,
                    generatorLearningRate, criticLearningRate, beta1, beta2, weightDecay, gradientPenaltyWeight,
                    gumbelTau, criticSteps, seed, threads, checkpointEvery);
        }
    }
}
