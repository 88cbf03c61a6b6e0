package io.shadowfeed.trainer.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.shadowfeed.trainer.model.Critic;
import io.shadowfeed.trainer.model.CtganNetworks;
import io.shadowfeed.trainer.model.Generator;
import io.shadowfeed.trainer.model.NetworkShape;
import io.shadowfeed.trainer.model.PyTorchEngine;
import io.shadowfeed.trainer.model.Seeds;
import io.shadowfeed.trainer.sample.ConditionalSampler;

import java.nio.file.Path;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Trains a CTGAN (REFERENCE.md): WGAN-GP with a PacGAN critic, training-by-sampling and the generator's
 * conditional loss.
 *
 * <p>Reproducible: every epoch re-seeds both the engine and the Java random source from (seed, epoch), so the same
 * data, seed and configuration give bit-identical weights on CPU, and a run resumed from a checkpoint continues
 * exactly as an uninterrupted one. Native memory stays flat: each step's arrays live in a scratch manager closed at
 * the end of the step.
 */
public final class CtganTrainer {
    private final CtganConfig config;
    private final Device device;
    private final TrainingListener listener;
    private final Path checkpointDirectory;
    private final boolean resume;

    private CtganTrainer(Builder builder) {
        this.config = Objects.requireNonNull(builder.config, "config");
        this.device = builder.device;
        this.listener = builder.listener;
        this.checkpointDirectory = builder.checkpointDirectory;
        this.resume = builder.resume;
        if (resume && checkpointDirectory == null) {
            throw new IllegalArgumentException("resuming needs a checkpoint directory");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Trains on {@code data}; the caller owns (and closes) the returned networks. */
    public TrainingResult train(TrainingData data) {
        Engine engine = PyTorchEngine.start(config.threads());
        ConditionalSampler sampler =
                ConditionalSampler.index(data.rows(), data.rowCount(), data.width(), data.discreteSpans());
        NetworkShape shape = new NetworkShape(config.noiseWidth(), sampler.conditionWidth(), data.contextWidth(),
                data.width(), config.generatorSizes(), config.criticSizes(), config.pac(), config.dropout());
        CtganNetworks networks = CtganNetworks.forTraining(shape, device, config.seed());
        try {
            return run(engine, data, sampler, shape, networks);
        } catch (RuntimeException e) {
            networks.close();
            throw e;
        }
    }

    private TrainingResult run(Engine engine, TrainingData data, ConditionalSampler sampler, NetworkShape shape,
            CtganNetworks networks) {
        AdamOptimizer generatorOptimizer = new AdamOptimizer(networks.generator().parameters(),
                config.generatorLearningRate(), config.beta1(), config.beta2(), config.weightDecay());
        AdamOptimizer criticOptimizer = new AdamOptimizer(networks.critic().parameters(),
                config.criticLearningRate(), config.beta1(), config.beta2(), config.weightDecay());
        CheckpointStore checkpoints = checkpointDirectory == null ? null : new CheckpointStore(checkpointDirectory);
        LossHistory history = LossHistory.empty();
        int firstEpoch = 0;
        if (resume) {
            CheckpointStore.State state =
                    checkpoints.restore(config, shape, networks, generatorOptimizer, criticOptimizer);
            firstEpoch = state.epochsDone();
            history = state.lossHistory();
        }
        Step step = new Step(engine, data, sampler, networks, new SpanActivation(data.spans(), config.gumbelTau()),
                new ConditionalLoss(sampler), generatorOptimizer, criticOptimizer);
        int stepsPerEpoch = Math.max(data.rowCount() / config.batchSize(), 1);
        listener.onStart(firstEpoch + 1, config.epochs(), stepsPerEpoch);
        double totalSeconds = 0;
        for (int epoch = firstEpoch; epoch < config.epochs(); epoch++) {
            long started = System.nanoTime();
            long epochSeed = Seeds.mix(config.seed(), epoch);
            engine.setRandomSeed((int) epochSeed);
            SplittableRandom random = new SplittableRandom(epochSeed);
            double generatorSum = 0;
            double criticSum = 0;
            for (int s = 0; s < stepsPerEpoch; s++) {
                float[] losses = step.run(random);
                criticSum += losses[0];
                generatorSum += losses[1];
                if (!Float.isFinite(losses[0]) || !Float.isFinite(losses[1])) {
                    throw new TrainingDivergedException("training diverged at epoch " + (epoch + 1) + ", step "
                            + (s + 1) + " (critic loss " + losses[0] + ", generator loss " + losses[1]
                            + "); lower the learning rates or check the data for extreme values");
                }
            }
            history = history.plus(generatorSum / stepsPerEpoch, criticSum / stepsPerEpoch);
            double seconds = (System.nanoTime() - started) / 1e9;
            totalSeconds += seconds;
            listener.onEpoch(new EpochReport(epoch + 1, config.epochs(), generatorSum / stepsPerEpoch,
                    criticSum / stepsPerEpoch, seconds));
            boolean due = config.checkpointEvery() > 0 && (epoch + 1) % config.checkpointEvery() == 0;
            if (checkpoints != null && (due || epoch + 1 == config.epochs())) {
                checkpoints.save(epoch + 1, config, shape, networks, generatorOptimizer, criticOptimizer, history);
                listener.onCheckpoint(epoch + 1, checkpoints.directory());
            }
        }
        listener.onFinish();
        int epochsRun = config.epochs() - firstEpoch;
        return new TrainingResult(networks, shape, history, config.epochs(),
                epochsRun == 0 ? 0 : totalSeconds / epochsRun);
    }

    /** One critic update (or several) then one generator update. */
    private final class Step {
        private final Engine engine;
        private final TrainingData data;
        private final ConditionalSampler sampler;
        private final CtganNetworks networks;
        private final SpanActivation activation;
        private final ConditionalLoss conditionalLoss;
        private final AdamOptimizer generatorOptimizer;
        private final AdamOptimizer criticOptimizer;
        private final int batch = config.batchSize();

        Step(Engine engine, TrainingData data, ConditionalSampler sampler, CtganNetworks networks,
                SpanActivation activation, ConditionalLoss conditionalLoss, AdamOptimizer generatorOptimizer,
                AdamOptimizer criticOptimizer) {
            this.engine = engine;
            this.data = data;
            this.sampler = sampler;
            this.networks = networks;
            this.activation = activation;
            this.conditionalLoss = conditionalLoss;
            this.generatorOptimizer = generatorOptimizer;
            this.criticOptimizer = criticOptimizer;
        }

        /** Returns {critic loss, generator loss}. */
        float[] run(SplittableRandom random) {
            Generator generator = networks.generator();
            Critic critic = networks.critic();
            float criticLoss = 0;
            try (NDManager scratch = networks.manager().newSubManager()) {
                for (int c = 0; c < config.criticSteps(); c++) {
                    ConditionalSampler.TrainingBatch drawn = sampler.sampleForTraining(batch, random);
                    int[] permutation = permutation(batch, random);
                    int[] realRows = new int[batch];
                    float[] permutedCondition = new float[drawn.condition().length];
                    int width = sampler.conditionWidth();
                    for (int i = 0; i < batch; i++) {
                        realRows[i] = drawn.rows()[permutation[i]];
                        System.arraycopy(drawn.condition(), permutation[i] * width, permutedCondition, i * width,
                                width);
                    }
                    NDArray condition = scratch.create(drawn.condition(), new Shape(batch, width));
                    NDArray fakeContext = gather(scratch, data.context(), data.contextWidth(), drawn.rows());
                    NDArray noise = scratch.randomNormal(new Shape(batch, config.noiseWidth()));
                    NDArray fake = activation.apply(generator.forward(join(noise, condition, fakeContext), true))
                            .stopGradient();
                    NDArray fakeRows = join(fake, condition, fakeContext);
                    NDArray realRowsArray = join(gather(scratch, data.rows(), data.width(), realRows),
                            scratch.create(permutedCondition, new Shape(batch, width)),
                            gather(scratch, data.context(), data.contextWidth(), realRows));
                    try (GradientCollector collector = engine.newGradientCollector()) {
                        NDArray fakeScore = critic.forward(fakeRows).scores().mean();
                        NDArray realScore = critic.forward(realRowsArray).scores().mean();
                        NDArray penalty = gradientPenalty(scratch, critic, realRowsArray, fakeRows);
                        NDArray loss = fakeScore.sub(realScore).add(penalty);
                        collector.backward(loss);
                        criticLoss = loss.getFloat();
                    }
                    criticOptimizer.step(scratch);
                    criticOptimizer.zeroGradients(scratch);
                }
                ConditionalSampler.TrainingBatch drawn = sampler.sampleForTraining(batch, random);
                NDArray condition = scratch.create(drawn.condition(), new Shape(batch, sampler.conditionWidth()));
                NDArray context = gather(scratch, data.context(), data.contextWidth(), drawn.rows());
                NDArray noise = scratch.randomNormal(new Shape(batch, config.noiseWidth()));
                float generatorLoss;
                try (GradientCollector collector = engine.newGradientCollector()) {
                    NDArray raw = generator.forward(join(noise, condition, context), true);
                    NDArray score = critic.forward(join(activation.apply(raw), condition, context)).scores().mean();
                    NDArray loss = score.neg().add(conditionalLoss.compute(raw, condition));
                    collector.backward(loss);
                    generatorLoss = loss.getFloat();
                }
                generatorOptimizer.step(scratch);
                generatorOptimizer.zeroGradients(scratch);
                criticOptimizer.zeroGradients(scratch);
                return new float[] {criticLoss, generatorLoss};
            }
        }

        /**
         * WGAN-GP with one interpolation coefficient per pac group; the input gradient is the critic's closed
         * form (see {@link Critic#inputGradient}). The 1e-12 keeps the norm differentiable when dropout zeroes a
         * group's whole gradient.
         */
        private NDArray gradientPenalty(NDManager scratch, Critic critic, NDArray real, NDArray fake) {
            int groups = batch / critic.pac();
            NDArray alpha = scratch.randomUniform(0f, 1f, new Shape(groups, 1)).repeat(0, critic.pac());
            NDArray interpolated = real.mul(alpha).add(fake.mul(alpha.neg().add(1f)));
            NDArray gradient = critic.inputGradient(critic.forward(interpolated));
            // The weight as an array of this step, not a Number: see SpanActivation.
            return gradient.square().sum(new int[] {1}).add(1e-12f).sqrt().sub(1f).square().mean()
                    .mul(scratch.create(config.gradientPenaltyWeight()));
        }

        private NDArray join(NDArray first, NDArray condition, NDArray context) {
            NDList parts = new NDList(first);
            if (condition.getShape().get(1) > 0) {
                parts.add(condition);
            }
            if (context != null) {
                parts.add(context);
            }
            return parts.size() == 1 ? first : NDArrays.concat(parts, 1);
        }
    }

    /** Rows {@code rows} of a row-major matrix, or null when it has no columns. */
    private static NDArray gather(NDManager manager, float[] matrix, int width, int[] rows) {
        if (width == 0) {
            return null;
        }
        float[] picked = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(matrix, rows[i] * width, picked, i * width, width);
        }
        return manager.create(picked, new Shape(rows.length, width));
    }

    private static int[] permutation(int size, SplittableRandom random) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    /** Options: the configuration, the device, a listener, and where checkpoints go. */
    public static final class Builder {
        private CtganConfig config = CtganConfig.builder().build();
        private Device device = Device.cpu();
        private TrainingListener listener = TrainingListener.silent();
        private Path checkpointDirectory;
        private boolean resume;

        private Builder() {
        }

        public Builder setConfig(CtganConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        public Builder setDevice(Device device) {
            this.device = Objects.requireNonNull(device, "device");
            return this;
        }

        public Builder setListener(TrainingListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Where checkpoints go; the last epoch is always checkpointed when this is set. */
        public Builder setCheckpointDirectory(Path directory) {
            this.checkpointDirectory = directory;
            return this;
        }

        /** Continue from the checkpoint in the checkpoint directory. */
        public Builder setResume(boolean resume) {
            this.resume = resume;
            return this;
        }

        public CtganTrainer build() {
            return new CtganTrainer(this);
        }
    }
}
