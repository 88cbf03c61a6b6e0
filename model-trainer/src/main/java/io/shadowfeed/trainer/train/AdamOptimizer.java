package io.shadowfeed.trainer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.shadowfeed.trainer.model.NamedParameter;

import java.util.ArrayList;
import java.util.List;

/**
 * Adam with L2 weight decay added to the gradient, as PyTorch's {@code torch.optim.Adam(weight_decay=...)}.
 *
 * <p>Written out rather than taken from DJL's optimizer because its moment estimates are private: a checkpoint
 * must save them for {@code --resume} to continue bit-identically.
 */
final class AdamOptimizer {
    private static final float EPSILON = 1e-8f;

    private final List<NamedParameter> parameters;
    private final List<NamedParameter> firstMoments = new ArrayList<>();
    private final List<NamedParameter> secondMoments = new ArrayList<>();
    private final float learningRate;
    private final float beta1;
    private final float beta2;
    private final float weightDecay;
    private long steps;

    AdamOptimizer(List<NamedParameter> parameters, float learningRate, float beta1, float beta2, float weightDecay) {
        this.parameters = parameters.stream().filter(NamedParameter::trainable).toList();
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.weightDecay = weightDecay;
        for (NamedParameter parameter : this.parameters) {
            firstMoments.add(new NamedParameter(parameter.name() + ".adam_m", parameter.array().zerosLike(), false));
            secondMoments.add(new NamedParameter(parameter.name() + ".adam_v", parameter.array().zerosLike(), false));
        }
    }

    /** One update from the gradients the last backward left; temporaries go to {@code scratch}. */
    void step(NDManager scratch) {
        steps++;
        float firstCorrection = (float) (1 - Math.pow(beta1, steps));
        float secondCorrectionRoot = (float) Math.sqrt(1 - Math.pow(beta2, steps));
        for (int i = 0; i < parameters.size(); i++) {
            NDArray weight = parameters.get(i).array();
            NDArray gradient = weight.getGradient();
            gradient.attach(scratch);
            if (weightDecay > 0) {
                NDArray decay = weight.mul(weightDecay);
                decay.attach(scratch);
                gradient = gradient.add(decay);
            }
            NDArray m = firstMoments.get(i).array();
            NDArray v = secondMoments.get(i).array();
            m.muli(beta1).addi(gradient.mul(1 - beta1));
            v.muli(beta2).addi(gradient.square().muli(1 - beta2));
            NDArray denominator = v.sqrt();
            denominator.attach(scratch);
            denominator.divi(secondCorrectionRoot).addi(EPSILON);
            NDArray update = m.mul(learningRate / firstCorrection);
            update.attach(scratch);
            weight.subi(update.divi(denominator));
        }
    }

    /** Clears the gradients of these parameters (backward accumulates into them). */
    void zeroGradients(NDManager scratch) {
        for (NamedParameter parameter : parameters) {
            NDArray gradient = parameter.array().getGradient();
            gradient.attach(scratch);
            gradient.subi(gradient);
        }
    }

    /** The moment estimates, to checkpoint. */
    List<NamedParameter> state() {
        List<NamedParameter> state = new ArrayList<>(firstMoments);
        state.addAll(secondMoments);
        return state;
    }

    long steps() {
        return steps;
    }

    void restoreSteps(long steps) {
        this.steps = steps;
    }
}
