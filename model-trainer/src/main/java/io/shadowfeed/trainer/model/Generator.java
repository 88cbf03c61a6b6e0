package io.shadowfeed.trainer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * CTGAN's generator: residual blocks {@code Linear -> BatchNorm -> ReLU} whose output is concatenated with the
 * block's input, then a final Linear to the data width. It returns raw outputs; activations per span are the
 * caller's ({@code SpanActivation}).
 */
public final class Generator {
    private final List<DenseLayer> blockLinears = new ArrayList<>();
    private final List<BatchNormLayer> blockNorms = new ArrayList<>();
    private final DenseLayer output;
    private final int inputWidth;

    public Generator(NDManager manager, int inputWidth, int[] residualSizes, int outputWidth,
            SplittableRandom random) {
        this(manager, inputWidth, residualSizes, outputWidth, random, InitialValues.fresh());
    }

    Generator(NDManager manager, int inputWidth, int[] residualSizes, int outputWidth, SplittableRandom random,
            InitialValues initial) {
        this.inputWidth = inputWidth;
        int width = inputWidth;
        for (int i = 0; i < residualSizes.length; i++) {
            blockLinears.add(new DenseLayer(manager, "generator.residual" + i + ".fc", width, residualSizes[i],
                    random, initial));
            blockNorms.add(new BatchNormLayer(manager, "generator.residual" + i + ".bn", residualSizes[i],
                    initial));
            width += residualSizes[i];
        }
        this.output = new DenseLayer(manager, "generator.output", width, outputWidth, random, initial);
    }

    public int inputWidth() {
        return inputWidth;
    }

    /** Raw outputs for a batch of inputs {@code [noise | condition | context]}. */
    public NDArray forward(NDArray input, boolean training) {
        if (input.getShape().get(1) != inputWidth) {
            throw new IllegalArgumentException("generator expects " + inputWidth + " input columns, got "
                    + input.getShape());
        }
        NDArray x = input;
        for (int i = 0; i < blockLinears.size(); i++) {
            NDArray h = Activation.relu(blockNorms.get(i).forward(blockLinears.get(i).forward(x), training));
            x = NDArrays.concat(new NDList(h, x), 1);
        }
        return output.forward(x);
    }

    /**
     * This generator in inference mode with each BatchNorm folded into the Linear before it: the same function
     * (up to float rounding) with four element-wise passes fewer per block. A snapshot: later training does not
     * reach it.
     */
    public InferenceGenerator foldedForInference(NDManager target) {
        List<NDArray[]> blocks = new ArrayList<>();
        for (int i = 0; i < blockLinears.size(); i++) {
            blocks.add(blockNorms.get(i).foldInto(blockLinears.get(i), target));
        }
        NDArray weight = output.weight().stopGradient();
        NDArray bias = output.bias().stopGradient();
        weight.attach(target);
        bias.attach(target);
        return new InferenceGenerator(inputWidth, blocks, weight, bias);
    }

    public List<NamedParameter> parameters() {
        List<NamedParameter> all = new ArrayList<>();
        for (int i = 0; i < blockLinears.size(); i++) {
            all.addAll(blockLinears.get(i).parameters());
            all.addAll(blockNorms.get(i).parameters());
        }
        all.addAll(output.parameters());
        return List.copyOf(all);
    }
}
