package io.shadowfeed.privacy.dp.continual;

/** A running count released by tree aggregation: a {@link TreeHistogram} of one cell. Not thread-safe. */
public final class TreeCounter {
    private final TreeHistogram histogram;
    private final long[] one = new long[1];

    TreeCounter(TreeHistogram histogram) {
        this.histogram = histogram;
    }

    /**
     * The next step's exact count; returns the noisy running total through this step.
     *
     * @throws HorizonExhaustedException past a fixed horizon
     */
    public long add(long count) {
        one[0] = count;
        return histogram.add(one)[0];
    }

    public long step() {
        return histogram.step();
    }

    public TreeAggregation tree() {
        return histogram.tree();
    }
}
