package io.shadowfeed.trainer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * CTGAN's critic: PacGAN ({@code pac} rows concatenated into one input), then {@code Linear -> LeakyReLU(0.2) ->
 * Dropout(0.5)} per hidden size, then a Linear to one score per pac group.
 *
 * <p>Each pass keeps its LeakyReLU slopes and dropout masks so that {@link #inputGradient} can write the gradient
 * of the score with respect to the packed input as ordinary forward operations on the weights. WGAN-GP then
 * needs only a first-order backward: DJL's double backward leaks native memory (STACK.md).
 */
public final class Critic {
    private static final float NEGATIVE_SLOPE = 0.2f;

    private final List<DenseLayer> hidden = new ArrayList<>();
    private final DenseLayer output;
    private final int rowWidth;
    private final int pac;
    private final float dropout;

    public Critic(NDManager manager, int rowWidth, int pac, int[] hiddenSizes, float dropout,
            SplittableRandom random) {
        if (pac < 1) {
            throw new IllegalArgumentException("pac must be at least 1, got " + pac);
        }
        if (dropout < 0 || dropout >= 1) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        this.rowWidth = rowWidth;
        this.pac = pac;
        this.dropout = dropout;
        int width = rowWidth * pac;
        for (int i = 0; i < hiddenSizes.length; i++) {
            hidden.add(new DenseLayer(manager, "critic.hidden" + i, width, hiddenSizes[i], random));
            width = hiddenSizes[i];
        }
        this.output = new DenseLayer(manager, "critic.output", width, 1, random);
    }

    public int pac() {
        return pac;
    }

    /** Scores a batch of rows (its size a multiple of pac): one score per pac group, with the pass's cache. */
    public Pass forward(NDArray rows) {
        long batch = rows.getShape().get(0);
        if (batch % pac != 0 || rows.getShape().get(1) != rowWidth) {
            throw new IllegalArgumentException("critic expects rows of width " + rowWidth + " in a multiple of "
                    + pac + ", got " + rows.getShape());
        }
        NDManager scratch = rows.getManager();
        NDArray x = rows.reshape(batch / pac, (long) rowWidth * pac);
        List<NDArray> slopes = new ArrayList<>(hidden.size());
        List<NDArray> masks = new ArrayList<>(hidden.size());
        for (DenseLayer layer : hidden) {
            NDArray preActivation = layer.forward(x);
            // slope = 1 where the pre-activation is positive, 0.2 elsewhere; a constant of the pass.
            NDArray slope = preActivation.gt(0).toType(DataType.FLOAT32, false).muli(1 - NEGATIVE_SLOPE)
                    .addi(NEGATIVE_SLOPE);
            NDArray mask = scratch.randomUniform(0f, 1f, preActivation.getShape()).gte(dropout)
                    .toType(DataType.FLOAT32, false).divi(1 - dropout);
            slopes.add(slope);
            masks.add(mask);
            x = preActivation.mul(slope).mul(mask);
        }
        return new Pass(output.forward(x), slopes, masks);
    }

    /**
     * The exact gradient of each group's score with respect to its packed input, shape (groups, pac * width):
     * {@code g = ((W_out * s_k m_k) W_k ... * s_1 m_1) W_1}, differentiable with respect to the weights.
     */
    public NDArray inputGradient(Pass pass) {
        NDArray gradient = null;
        for (int i = hidden.size() - 1; i >= 0; i--) {
            NDArray gate = pass.slopes.get(i).mul(pass.masks.get(i));
            NDArray upstream = i == hidden.size() - 1 ? gate.mul(output.weight()) : gate.mul(gradient);
            gradient = upstream.matMul(hidden.get(i).weight());
        }
        return gradient;
    }

    public List<NamedParameter> parameters() {
        List<NamedParameter> all = new ArrayList<>();
        for (DenseLayer layer : hidden) {
            all.addAll(layer.parameters());
        }
        all.addAll(output.parameters());
        return List.copyOf(all);
    }

    /** One forward pass: scores per pac group, and the slopes and dropout masks it used. */
    public static final class Pass {
        private final NDArray scores;
        private final List<NDArray> slopes;
        private final List<NDArray> masks;

        Pass(NDArray scores, List<NDArray> slopes, List<NDArray> masks) {
            this.scores = scores;
            this.slopes = List.copyOf(slopes);
            this.masks = List.copyOf(masks);
        }

        /** Shape (groups, 1). */
        public NDArray scores() {
            return scores;
        }
    }
}
