package io.shadowfeed.trainer.evaluate;

/**
 * What every metric declares about itself. Metrics are stateless: the compute methods of the sub-interfaces depend on
 * their arguments only, so one instance can be shared.
 */
public interface Metric {

    /** The metric's name as reports print it, e.g. {@code KSComplement}. */
    String name();

    Goal goal();

    /** The lowest value the metric can take. */
    double min();

    /** The highest value the metric can take. */
    double max();
}
