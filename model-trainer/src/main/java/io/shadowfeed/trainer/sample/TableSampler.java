package io.shadowfeed.trainer.sample;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.shadowfeed.trainer.data.DataTable;
import io.shadowfeed.trainer.model.CtganNetworks;
import io.shadowfeed.trainer.model.InferenceGenerator;
import io.shadowfeed.trainer.model.Seeds;
import io.shadowfeed.trainer.transform.DataTransformer;
import io.shadowfeed.trainer.transform.DiscreteSpan;
import io.shadowfeed.trainer.transform.Activation;
import io.shadowfeed.trainer.transform.OutputSpan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Draws synthetic rows from a trained generator: unconditionally, with fixed values of discrete columns, or
 * conditioned row by row on a parent's context.
 *
 * <p>The generator runs in inference mode (BatchNorm on its running statistics), so a row does not depend on the
 * rest of its batch. One-hot spans are sampled with the Gumbel-max trick (argmax of logits plus Gumbel noise,
 * the same distribution as the argmax of CTGAN's Gumbel-softmax), and unconditional conditions follow the real
 * category frequencies. Results depend only on the seed: each batch re-seeds the engine from (seed, batch index)
 * under a lock shared by all samplers in the process, because PyTorch's generator is global.
 */
public final class TableSampler implements AutoCloseable {
    /** PyTorch's default random generator is process-wide; seeding and drawing must not interleave. */
    private static final ReentrantLock ENGINE_RANDOM = new ReentrantLock();
    private static final float UNIFORM_FLOOR = 1e-20f;

    private final Engine engine;
    private final CtganNetworks networks;
    private final DataTransformer transformer;
    private final DataTransformer contextTransformer;
    private final ConditionalSampler conditions;
    private final NDArray softmaxMask;
    private final InferenceGenerator generator;
    private final int[] tanhOffsets;
    private final int batchSize;
    private final int width;
    private final boolean ownsNetworks;

    TableSampler(Engine engine, CtganNetworks networks, boolean ownsNetworks, DataTransformer transformer,
            DataTransformer contextTransformer, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        this.engine = engine;
        this.ownsNetworks = ownsNetworks;
        this.networks = networks;
        this.transformer = transformer;
        this.contextTransformer = contextTransformer;
        this.conditions = ConditionalSampler.forGeneration(transformer.discreteSpans());
        this.batchSize = batchSize;
        this.width = transformer.outputWidth();
        float[] mask = new float[width];
        List<Integer> tanh = new ArrayList<>();
        for (OutputSpan span : transformer.spans()) {
            if (span.activation() == Activation.TANH) {
                tanh.add(span.offset());
            } else {
                for (int k = 0; k < span.width(); k++) {
                    mask[span.offset() + k] = 1f;
                }
            }
        }
        this.tanhOffsets = tanh.stream().mapToInt(Integer::intValue).toArray();
        this.softmaxMask = networks.manager().create(mask, new Shape(1, width));
        this.generator = networks.generator().foldedForInference(networks.manager());
    }

    /** The columns it generates, in the transformer's order. */
    public List<String> columns() {
        return transformer.columns();
    }

    /** The parent-context columns it is conditioned on; empty for a table without a parent. */
    public List<String> contextColumns() {
        return contextTransformer == null ? List.of() : contextTransformer.columns();
    }

    public int batchSize() {
        return batchSize;
    }

    /** {@code rows} rows, reproducible from {@code seed}. */
    public DataTable sample(int rows, long seed) {
        requireNoContext();
        requirePositive(rows);
        List<DataTable> parts = new ArrayList<>();
        int batchIndex = 0;
        for (int done = 0; done < rows; done += batchSize) {
            int size = Math.min(batchSize, rows - done);
            long batchSeed = Seeds.mix(seed, batchIndex++);
            float[] condition = conditions.sampleOriginal(size, new SplittableRandom(batchSeed));
            parts.add(generate(size, condition, null, batchSeed));
        }
        return DataTable.concat(parts);
    }

    /**
     * {@code rows} rows in which every named discrete column holds its given value. The rarest condition goes
     * into the generator's condition vector; rows are then kept only when they satisfy all conditions, so every
     * returned row is correct.
     *
     * @throws UnsatisfiableConditionException when too few generated rows satisfy the conditions together
     */
    public DataTable sample(int rows, Map<String, String> fixedValues, long seed) {
        requireNoContext();
        requirePositive(rows);
        if (fixedValues.isEmpty()) {
            return sample(rows, seed);
        }
        Conditions parsed = Conditions.resolve(fixedValues, transformer, conditions);
        List<DataTable> accepted = new ArrayList<>();
        int have = 0;
        long generated = 0;
        long budget = Math.max(100_000L, 200L * rows);
        int batchIndex = 0;
        while (have < rows) {
            if (generated >= budget) {
                throw new UnsatisfiableConditionException(parsed.describe(), rows, have, generated);
            }
            long batchSeed = Seeds.mix(seed, batchIndex++);
            float[] condition = conditions.fixed(batchSize, parsed.anchorSpan(), parsed.anchorCategory());
            DataTable batch = generate(batchSize, condition, null, batchSeed);
            generated += batchSize;
            int[] keep = parsed.matchingRows(batch, rows - have);
            if (keep.length > 0) {
                accepted.add(batch.selectRows(keep));
                have += keep.length;
            }
        }
        return DataTable.concat(accepted);
    }

    /**
     * One child row per context row, each conditioned on its parent's context values (the columns of
     * {@link #contextColumns()}).
     */
    public DataTable sampleForContext(DataTable context, long seed) {
        if (contextTransformer == null) {
            throw new IllegalStateException("this model was trained without parent context; use sample(rows, seed)");
        }
        requirePositive(context.rowCount());
        DataTable ordered = context.selectColumns(contextTransformer.columns());
        float[] encoded = contextTransformer.transformDeterministic(ordered);
        int contextWidth = contextTransformer.outputWidth();
        List<DataTable> parts = new ArrayList<>();
        int batchIndex = 0;
        for (int done = 0; done < context.rowCount(); done += batchSize) {
            int size = Math.min(batchSize, context.rowCount() - done);
            long batchSeed = Seeds.mix(seed, batchIndex++);
            float[] condition = conditions.sampleOriginal(size, new SplittableRandom(batchSeed));
            float[] slice = new float[size * contextWidth];
            System.arraycopy(encoded, done * contextWidth, slice, 0, slice.length);
            parts.add(generate(size, condition, slice, batchSeed));
        }
        return DataTable.concat(parts);
    }

    /**
     * The batch primitive: {@code rows} rows for the given conditions (row-major, the condition width per row)
     * and context (row-major, or null), reproducible from {@code batchSeed}.
     */
    public DataTable generate(int rows, float[] condition, float[] context, long batchSeed) {
        Objects.requireNonNull(condition, "condition");
        try (NDManager scratch = networks.manager().newSubManager()) {
            NDArray noise;
            NDArray uniform;
            ENGINE_RANDOM.lock();
            try {
                engine.setRandomSeed((int) batchSeed);
                noise = scratch.randomNormal(new Shape(rows, networks.shape().noiseWidth()));
                uniform = scratch.randomUniform(UNIFORM_FLOOR, 1f, new Shape(rows, width));
            } finally {
                ENGINE_RANDOM.unlock();
            }
            NDList inputs = new NDList(noise);
            if (conditions.conditionWidth() > 0) {
                inputs.add(scratch.create(condition, new Shape(rows, conditions.conditionWidth())));
            }
            if (context != null) {
                inputs.add(scratch.create(context, new Shape(rows, networks.shape().contextWidth())));
            }
            NDArray input = inputs.size() == 1 ? noise : NDArrays.concat(inputs, 1);
            NDArray raw = generator.forward(input);
            // Gumbel noise on one-hot spans only: argmax(logits + Gumbel) samples the softmax's category, and
            // logits + Gumbel = logits - log(-log(u)).
            float[] scores = raw.sub(uniform.log().neg().log().mul(softmaxMask)).toFloatArray();
            for (int r = 0; r < rows; r++) {
                int base = r * width;
                for (int offset : tanhOffsets) {
                    scores[base + offset] = (float) Math.tanh(scores[base + offset]);
                }
            }
            return transformer.inverse(scores, rows, batchSeed);
        }
    }

    private void requireNoContext() {
        if (contextTransformer != null) {
            throw new IllegalStateException("this model is conditioned on parent context " + contextColumns()
                    + "; use sampleForContext");
        }
    }

    private static void requirePositive(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("rows must be at least 1, got " + rows);
        }
    }

    /** Frees the generator when this sampler loaded it; networks lent by a trainer stay with their owner. */
    @Override
    public void close() {
        softmaxMask.close();
        generator.close();
        if (ownsNetworks) {
            networks.close();
        }
    }

    /** The discrete spans, for callers that build their own condition vectors. */
    public List<DiscreteSpan> discreteSpans() {
        return conditions.spans();
    }
}
