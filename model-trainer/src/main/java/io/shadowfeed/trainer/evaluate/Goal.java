package io.shadowfeed.trainer.evaluate;

/** Which direction of a metric is better. */
public enum Goal {
    MAXIMIZE,
    MINIMIZE
}
