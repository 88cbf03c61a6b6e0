package io.shadowfeed.trainer.train;

import io.shadowfeed.trainer.transform.DiscreteSpan;
import io.shadowfeed.trainer.transform.OutputSpan;

import java.util.List;
import java.util.Objects;

/**
 * What the trainer learns from: the transformed rows (row-major, {@code width} floats each), their output layout,
 * and optionally a parent-context row per training row (row-major, {@code contextWidth} floats each) that the
 * generator is conditioned on.
 */
public record TrainingData(float[] rows, int rowCount, int width, List<OutputSpan> spans,
        List<DiscreteSpan> discreteSpans, float[] context, int contextWidth) {

    public TrainingData {
        Objects.requireNonNull(rows, "rows");
        spans = List.copyOf(spans);
        discreteSpans = List.copyOf(discreteSpans);
        if (rowCount < 1 || width < 1 || rows.length != rowCount * width) {
            throw new IllegalArgumentException("training data of " + rowCount + " rows x " + width
                    + " columns needs " + (long) rowCount * width + " values, got " + rows.length);
        }
        int covered = spans.stream().mapToInt(OutputSpan::width).sum();
        if (covered != width) {
            throw new IllegalArgumentException("output spans cover " + covered + " columns of " + width);
        }
        if (context == null) {
            context = new float[0];
        }
        if (contextWidth < 0 || context.length != rowCount * contextWidth) {
            throw new IllegalArgumentException("context of width " + contextWidth + " needs "
                    + (long) rowCount * contextWidth + " values, got " + context.length);
        }
    }

    /** Training data without a parent context. */
    public static TrainingData of(float[] rows, int rowCount, int width, List<OutputSpan> spans,
            List<DiscreteSpan> discreteSpans) {
        return new TrainingData(rows, rowCount, width, spans, discreteSpans, null, 0);
    }
}
