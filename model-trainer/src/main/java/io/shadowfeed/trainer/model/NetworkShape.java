package io.shadowfeed.trainer.model;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Arrays;

/**
 * The sizes that define a CTGAN's two networks. Saved with an artifact: loading builds the networks from it and
 * then reads their parameters.
 */
public record NetworkShape(
        @JsonProperty("noise_width") int noiseWidth,
        @JsonProperty("condition_width") int conditionWidth,
        @JsonProperty("context_width") int contextWidth,
        @JsonProperty("data_width") int dataWidth,
        @JsonProperty("generator_sizes") int[] generatorSizes,
        @JsonProperty("critic_sizes") int[] criticSizes,
        @JsonProperty("pac") int pac,
        @JsonProperty("dropout") float dropout) {

    public NetworkShape {
        if (noiseWidth < 1 || dataWidth < 1 || conditionWidth < 0 || contextWidth < 0) {
            throw new IllegalArgumentException("network widths must be positive (noise " + noiseWidth + ", data "
                    + dataWidth + ") or non-negative (condition " + conditionWidth + ", context " + contextWidth
                    + ")");
        }
        if (generatorSizes.length == 0 || criticSizes.length == 0) {
            throw new IllegalArgumentException("both networks need at least one hidden layer");
        }
        for (int size : generatorSizes) {
            requirePositive(size);
        }
        for (int size : criticSizes) {
            requirePositive(size);
        }
        generatorSizes = generatorSizes.clone();
        criticSizes = criticSizes.clone();
    }

    private static void requirePositive(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("layer sizes must be positive, got " + size);
        }
    }

    /** The generator's input: noise, then the condition, then the parent context. */
    public int generatorInputWidth() {
        return noiseWidth + conditionWidth + contextWidth;
    }

    /** One critic row: data, then the condition, then the context. */
    public int criticRowWidth() {
        return dataWidth + conditionWidth + contextWidth;
    }

    @Override
    public int[] generatorSizes() {
        return generatorSizes.clone();
    }

    @Override
    public int[] criticSizes() {
        return criticSizes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkShape other && noiseWidth == other.noiseWidth
                && conditionWidth == other.conditionWidth && contextWidth == other.contextWidth
                && dataWidth == other.dataWidth && Arrays.equals(generatorSizes, other.generatorSizes)
                && Arrays.equals(criticSizes, other.criticSizes) && pac == other.pac && dropout == other.dropout;
    }

    @Override
    public int hashCode() {
        return ((noiseWidth * 31 + conditionWidth) * 31 + contextWidth) * 31 + dataWidth
                + Arrays.hashCode(generatorSizes) + 7 * Arrays.hashCode(criticSizes);
    }

    @Override
    public String toString() {
        return "NetworkShape[noise=" + noiseWidth + ", condition=" + conditionWidth + ", context=" + contextWidth
                + ", data=" + dataWidth + ", generator=" + Arrays.toString(generatorSizes) + ", critic="
                + Arrays.toString(criticSizes) + ", pac=" + pac + ", dropout=" + dropout + "]";
    }
}
