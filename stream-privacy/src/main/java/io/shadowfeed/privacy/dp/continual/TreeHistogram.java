package io.shadowfeed.privacy.dp.continual;

import io.shadowfeed.privacy.dp.mechanism.DiscreteGaussianSampler;
import io.shadowfeed.privacy.dp.mechanism.RandomSource;

/**
 * A running histogram released by tree aggregation ({@link TreeAggregation}): feed one vector of exact counts per
 * time step to {@link #add}, get back the noisy running totals. Holds, per level, the exact sum and the noisy value
 * of the latest completed node (Chan, Shi and Song 2011's p-sums): O(levels * dimension) longs. Not thread-safe.
 */
public final class TreeHistogram {
    private final TreeAggregation tree;
    private final RandomSource random;
    private final int dimension;
    private final DiscreteGaussianSampler[] samplers;
    private final long[][] exact;
    private final long[][] noisy;
    private long step;

    TreeHistogram(TreeAggregation tree, RandomSource random) {
        this.tree = tree;
        this.random = random;
        this.dimension = tree.dimension();
        int levels = tree.isUnbounded() ? Long.SIZE - 1 : TreeAggregation.levels(tree.horizon());
        this.samplers = new DiscreteGaussianSampler[levels];
        this.exact = new long[levels][];
        this.noisy = new long[levels][];
    }

    /**
     * The next step's exact counts (one per cell; the array is not kept): completes one node, adds noise to it,
     * and returns the noisy running totals through this step as a new array.
     *
     * @throws HorizonExhaustedException past a fixed horizon
     */
    public long[] add(long[] counts) {
        if (counts.length != dimension) {
            throw new IllegalArgumentException("counts must have one value per cell: " + dimension
                    + " expected. Provided length: " + counts.length);
        }
        if (step >= tree.horizon()) {
            throw new HorizonExhaustedException(tree.horizon());
        }
        long t = ++step;
        int level = Long.numberOfTrailingZeros(t);
        // The new node covers this step and the latest nodes of every lower level, which it replaces
        long[] node = counts.clone();
        for (int lower = 0; lower < level; lower++) {
            for (int cell = 0; cell < dimension; cell++) {
                node[cell] = Math.addExact(node[cell], exact[lower][cell]);
            }
            exact[lower] = null;
            noisy[lower] = null;
        }
        DiscreteGaussianSampler sampler = sampler(level);
        long[] released = new long[dimension];
        for (int cell = 0; cell < dimension; cell++) {
            released[cell] = Math.addExact(node[cell], sampler.sample());
        }
        exact[level] = node;
        noisy[level] = released;
        // The running total: the noisy nodes of t's binary decomposition
        long[] total = new long[dimension];
        for (long bits = t; bits != 0; bits &= bits - 1) {
            long[] part = noisy[Long.numberOfTrailingZeros(bits)];
            for (int cell = 0; cell < dimension; cell++) {
                total[cell] = Math.addExact(total[cell], part[cell]);
            }
        }
        return total;
    }

    /** Steps released so far. */
    public long step() {
        return step;
    }

    public TreeAggregation tree() {
        return tree;
    }

    private DiscreteGaussianSampler sampler(int level) {
        if (samplers[level] == null) {
            samplers[level] = new DiscreteGaussianSampler(tree.levelSigmaSquared(level), random);
        }
        return samplers[level];
    }
}
