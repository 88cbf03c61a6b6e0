package io.shadowfeed.trainer.evaluate;

/**
 * What every metric declares about itself. Metrics are stateless: the compute methods of the sub-interfaces depend on
 * their arguments only, so one instance can be shared.
 */
public interface Metric {

    /** The metric's name as reports print it, e.g. {@code KSComplement}. */
    String name();

    /** Most metrics here are similarities in [0, 1] where higher is better; the defaults say so. */
    default Goal goal() {
        return Goal.MAXIMIZE;
    }

    /** The lowest value the metric can take. */
    default double min() {
        return 0;
    }

    /** The highest value the metric can take. */
    default double max() {
        return 1;
    }
}
