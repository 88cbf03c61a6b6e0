package io.shadowfeed.trainer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.List;

/**
 * 1-D batch normalisation with PyTorch's conventions (momentum 0.1, epsilon 1e-5, running variance unbiased).
 *
 * <p>Written out rather than taken from DJL's block so that inference mode (running statistics) is an explicit
 * argument of every call: the reference CTGAN samples with batch statistics, which makes a row depend on the
 * other rows of its batch.
 */
public final class BatchNormLayer {
    private static final float MOMENTUM = 0.1f;
    private static final float EPSILON = 1e-5f;

    private final String name;
    private final NDArray gamma;
    private final NDArray beta;
    private final NDArray runningMean;
    private final NDArray runningVariance;

    public BatchNormLayer(NDManager manager, String name, int features) {
        this(manager, name, features, InitialValues.fresh());
    }

    BatchNormLayer(NDManager manager, String name, int features, InitialValues initial) {
        this.name = name;
        Shape shape = new Shape(features);
        this.gamma = initial.constant(manager, name + ".gamma", shape, 1f);
        this.beta = initial.constant(manager, name + ".beta", shape, 0f);
        this.runningMean = initial.constant(manager, name + ".running_mean", shape, 0f);
        this.runningVariance = initial.constant(manager, name + ".running_var", shape, 1f);
        gamma.setRequiresGradient(true);
        beta.setRequiresGradient(true);
    }

    /**
     * Normalises a batch. In training mode it uses the batch's statistics and updates the running ones; in
     * inference mode it uses the running statistics only.
     */
    public NDArray forward(NDArray input, boolean training) {
        if (!training) {
            // Results belong to the receiver's manager: start from a temporary moved to the input's manager so
            // that nothing lands in the (long-lived) parameter manager.
            NDArray shifted = runningVariance.add(EPSILON);
            shifted.attach(input.getManager());
            return input.sub(runningMean).div(shifted.sqrt()).mul(gamma).add(beta);
        }
        long rows = input.getShape().get(0);
        if (rows < 2) {
            throw new IllegalArgumentException(name + ": batch normalisation in training needs at least 2 rows");
        }
        NDArray mean = input.mean(new int[] {0});
        NDArray centred = input.sub(mean);
        NDArray variance = centred.square().mean(new int[] {0});
        NDArray normalised = centred.div(variance.add(EPSILON).sqrt());
        updateRunning(mean.stopGradient(), variance.stopGradient(), rows);
        return normalised.mul(gamma).add(beta);
    }

    private void updateRunning(NDArray batchMean, NDArray batchVariance, long rows) {
        runningMean.muli(1 - MOMENTUM).addi(batchMean.mul(MOMENTUM));
        runningVariance.muli(1 - MOMENTUM).addi(batchVariance.mul(MOMENTUM * rows / (float) (rows - 1)));
    }

    /**
     * The dense layer followed by this normalisation, in inference mode, as one dense layer: weights scaled per
     * output by {@code gamma / sqrt(var + eps)}, bias shifted by the running mean. The arrays go to {@code target}.
     */
    NDArray[] foldInto(DenseLayer dense, NDManager target) {
        try (NDManager scratch = target.newSubManager()) {
            NDArray variance = runningVariance.duplicate();
            variance.attach(scratch);
            NDArray scale = gamma.stopGradient();
            scale.attach(scratch);
            scale = scale.div(variance.add(EPSILON).sqrt());
            NDArray bias = dense.bias().stopGradient();
            bias.attach(scratch);
            NDArray foldedBias = bias.sub(runningMean).mul(scale).add(beta);
            NDArray weight = dense.weight().stopGradient();
            weight.attach(scratch);
            NDArray foldedWeight = weight.mul(scale.reshape(scale.getShape().get(0), 1));
            foldedWeight.attach(target);
            foldedBias.attach(target);
            return new NDArray[] {foldedWeight, foldedBias};
        }
    }

    public List<NamedParameter> parameters() {
        return List.of(new NamedParameter(name + ".gamma", gamma, true),
                new NamedParameter(name + ".beta", beta, true),
                new NamedParameter(name + ".running_mean", runningMean, false),
                new NamedParameter(name + ".running_var", runningVariance, false));
    }
}
