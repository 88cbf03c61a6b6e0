package io.shadowfeed.trainer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A fully connected layer {@code y = x W^T + b} whose parameters live in the network's manager.
 *
 * <p>Parameters are initialised in Java from a seeded generator, as PyTorch's {@code nn.Linear} does
 * (uniform in +-1/sqrt(fan_in)), so that the same seed gives the same network on every machine, independently of
 * the engine's random state.
 */
public final class DenseLayer {
    private final NDArray weight;
    private final NDArray bias;
    private final String name;

    public DenseLayer(NDManager manager, String name, int inputs, int outputs, SplittableRandom random) {
        this(manager, name, inputs, outputs, random, InitialValues.fresh());
    }

    DenseLayer(NDManager manager, String name, int inputs, int outputs, SplittableRandom random,
            InitialValues initial) {
        if (inputs < 1 || outputs < 1) {
            throw new IllegalArgumentException(name + ": a dense layer needs positive sizes, got " + inputs
                    + " -> " + outputs);
        }
        this.name = name;
        double bound = 1.0 / Math.sqrt(inputs);
        this.weight = initial.uniform(manager, name + ".weight", new Shape(outputs, inputs), bound, random);
        this.bias = initial.uniform(manager, name + ".bias", new Shape(outputs), bound, random);
        weight.setRequiresGradient(true);
        bias.setRequiresGradient(true);
    }

    /** {@code x W^T + b}; the result belongs to {@code input}'s manager. */
    public NDArray forward(NDArray input) {
        return Linear.linear(input, weight, bias).singletonOrThrow();
    }

    /** The weight, shape (outputs, inputs). */
    public NDArray weight() {
        return weight;
    }

    NDArray bias() {
        return bias;
    }

    public List<NamedParameter> parameters() {
        return List.of(new NamedParameter(name + ".weight", weight, true),
                new NamedParameter(name + ".bias", bias, true));
    }
}
