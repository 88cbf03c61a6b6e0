package io.shadowfeed.trainer.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Where a network's arrays get their first values: freshly initialised from a seed, or read from a parameter file.
 * Loaded values become the arrays themselves (no in-place copy into arrays that track gradients, which PyTorch
 * warns about on every process start).
 */
public final class InitialValues {
    private final Map<String, Loaded> loaded;
    private final String source;

    private InitialValues(Map<String, Loaded> loaded, String source) {
        this.loaded = loaded;
        this.source = source;
    }

    /** Fresh values: PyTorch's defaults, drawn from the callers' seeded generators. */
    public static InitialValues fresh() {
        return new InitialValues(null, null);
    }

    /** Values read from a parameter file; every array must be claimed by the network, with its shape. */
    static InitialValues loaded(Map<String, Loaded> arrays, String source) {
        return new InitialValues(new LinkedHashMap<>(arrays), source);
    }

    /** One saved array. */
    record Loaded(long[] shape, float[] values) {
    }

    /** A uniform array in +-bound, or the loaded one. */
    NDArray uniform(NDManager manager, String name, Shape shape, double bound, SplittableRandom random) {
        return create(manager, name, shape, () -> {
            float[] values = new float[Math.toIntExact(shape.size())];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
            }
            return values;
        });
    }

    /** An array of one constant, or the loaded one. */
    NDArray constant(NDManager manager, String name, Shape shape, float value) {
        return create(manager, name, shape, () -> {
            float[] values = new float[Math.toIntExact(shape.size())];
            Arrays.fill(values, value);
            return values;
        });
    }

    private NDArray create(NDManager manager, String name, Shape shape, Supplier<float[]> fresh) {
        if (loaded == null) {
            return manager.create(fresh.get(), shape);
        }
        Loaded array = loaded.remove(name);
        if (array == null) {
            throw new IllegalArgumentException(source + " has no array '" + name + "'");
        }
        if (!Arrays.equals(array.shape(), shape.getShape())) {
            throw new IllegalArgumentException(source + ": array '" + name + "' has shape "
                    + Arrays.toString(array.shape()) + ", the network expects " + shape);
        }
        return manager.create(array.values(), shape);
    }

    /** After building a network: every loaded array must have been used. */
    void requireAllClaimed() {
        if (loaded != null && !loaded.isEmpty()) {
            throw new IllegalArgumentException(source + " holds arrays the network does not have: "
                    + loaded.keySet());
        }
    }
}
