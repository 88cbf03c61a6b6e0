package io.shadowfeed.trainer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import io.shadowfeed.trainer.transform.Activation;
import io.shadowfeed.trainer.transform.OutputSpan;

import java.util.List;

/** The generator's output activations during training: tanh for scalars, Gumbel-softmax for one-hot spans. */
final class SpanActivation {
    /** Keeps log(-log(u)) finite. */
    private static final float UNIFORM_FLOOR = 1e-20f;

    private final List<OutputSpan> spans;
    private final float tau;

    SpanActivation(List<OutputSpan> spans, float tau) {
        this.spans = List.copyOf(spans);
        this.tau = tau;
    }

    NDArray apply(NDArray raw) {
        NDList parts = new NDList(spans.size());
        for (OutputSpan span : spans) {
            NDArray slice = raw.get(new NDIndex(":, {}:{}", span.offset(), span.offset() + span.width()));
            if (span.activation() == Activation.TANH) {
                parts.add(slice.tanh());
            } else {
                parts.add(gumbelSoftmax(slice));
            }
        }
        return NDArrays.concat(parts, 1);
    }

    private NDArray gumbelSoftmax(NDArray logits) {
        NDArray uniform = logits.getManager().randomUniform(UNIFORM_FLOOR, 1f, logits.getShape());
        NDArray gumbel = uniform.log().neg().log().neg();
        // The temperature as an array of this step: autograd keeps the divisor for the backward pass, and DJL frees
        // the scalar it makes for div(Number) right after the call (reading freed memory then gave NaN losses).
        return logits.add(gumbel).div(logits.getManager().create(tau)).softmax(1);
    }
}
