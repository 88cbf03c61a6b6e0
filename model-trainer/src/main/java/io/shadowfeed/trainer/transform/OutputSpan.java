package io.shadowfeed.trainer.transform;

/**
 * One contiguous group of the transformer's output (and of the generator's): {@code width} floats from
 * {@code offset} of each row, under one activation. A {@link Activation#TANH} span is a single scalar.
 */
public record OutputSpan(int offset, int width, Activation activation) {

    public OutputSpan {
        TransformPreconditions.checkNonNegative(offset, "offset");
        TransformPreconditions.checkPositive(width, "width");
        TransformPreconditions.checkNotNull(activation, "activation");
        TransformPreconditions.checkArgument(activation != Activation.TANH || width == 1,
                "width of a TANH span must be 1. Provided value: %s", width);
    }

    /** The first position after this span. */
    public int end() {
        return offset + width;
    }
}
