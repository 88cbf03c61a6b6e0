package io.shadowfeed.trainer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;

import java.util.List;

/**
 * The generator for sampling only: residual blocks {@code Linear' -> ReLU} (BatchNorm folded into Linear', see
 * {@link Generator#foldedForInference}), each output concatenated with the block's input, then the final Linear.
 */
public final class InferenceGenerator implements AutoCloseable {
    private final int inputWidth;
    private final List<NDArray[]> blocks;
    private final NDArray outputWeight;
    private final NDArray outputBias;

    InferenceGenerator(int inputWidth, List<NDArray[]> blocks, NDArray outputWeight, NDArray outputBias) {
        this.inputWidth = inputWidth;
        this.blocks = List.copyOf(blocks);
        this.outputWeight = outputWeight;
        this.outputBias = outputBias;
    }

    /** Raw outputs for a batch of inputs {@code [noise | condition | context]}; results go to the input's manager. */
    public NDArray forward(NDArray input) {
        if (input.getShape().get(1) != inputWidth) {
            throw new IllegalArgumentException("generator expects " + inputWidth + " input columns, got "
                    + input.getShape());
        }
        NDArray x = input;
        for (NDArray[] block : blocks) {
            NDArray h = Activation.relu(Linear.linear(x, block[0], block[1]).singletonOrThrow());
            x = NDArrays.concat(new NDList(h, x), 1);
        }
        return Linear.linear(x, outputWeight, outputBias).singletonOrThrow();
    }

    /** Frees the folded arrays. */
    @Override
    public void close() {
        for (NDArray[] block : blocks) {
            block[0].close();
            block[1].close();
        }
        outputWeight.close();
        outputBias.close();
    }
}
