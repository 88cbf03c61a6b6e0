package io.shadowfeed.trainer.model;

import ai.djl.ndarray.NDArray;

import java.util.Objects;

/**
 * One array of a network under a stable name: a trainable weight, or a buffer such as a BatchNorm running mean
 * that is saved but never sees a gradient.
 */
public record NamedParameter(String name, NDArray array, boolean trainable) {
    public NamedParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(array, "array");
    }
}
