package io.shadowfeed.trainer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import io.shadowfeed.trainer.sample.ConditionalSampler;
import io.shadowfeed.trainer.transform.DiscreteSpan;

import java.util.List;

/**
 * The generator's conditional loss: cross-entropy between each discrete column's pre-activation logits and the
 * condition, counted only for the column the condition chose, summed and divided by the batch size.
 */
final class ConditionalLoss {
    private final List<DiscreteSpan> spans;
    private final int[] conditionOffsets;

    ConditionalLoss(ConditionalSampler sampler) {
        this.spans = sampler.spans();
        this.conditionOffsets = new int[spans.size()];
        for (int s = 0; s < spans.size(); s++) {
            conditionOffsets[s] = sampler.conditionOffset(s);
        }
    }

    /** {@code raw}: generator outputs before activation; {@code condition}: the one-hot conditions. */
    NDArray compute(NDArray raw, NDArray condition) {
        long batch = raw.getShape().get(0);
        NDArray total = null;
        for (int s = 0; s < spans.size(); s++) {
            DiscreteSpan span = spans.get(s);
            NDArray logits = raw.get(new NDIndex(":, {}:{}", span.offset(), span.offset() + span.width()));
            NDArray target = condition.get(new NDIndex(":, {}:{}", conditionOffsets[s],
                    conditionOffsets[s] + span.width()));
            // The condition slice is all zeros on rows conditioned on another column: that is the mask.
            NDArray term = logits.logSoftmax(1).mul(target).sum();
            total = total == null ? term : total.add(term);
        }
        // The divisor as an array of this step, not a Number: see SpanActivation.
        return total == null ? raw.getManager().zeros(new Shape())
                : total.neg().div(raw.getManager().create((float) batch));
    }
}
