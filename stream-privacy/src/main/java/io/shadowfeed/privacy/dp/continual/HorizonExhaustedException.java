package io.shadowfeed.privacy.dp.continual;

/**
 * A tree aggregation with a fixed horizon was asked for a step beyond it. Its privacy cost covered exactly that
 * many steps, so it refuses rather than release more: start a new tree, and charge its cost, to go on.
 */
public final class HorizonExhaustedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    HorizonExhaustedException(long horizon) {
        super("this tree aggregation covers " + horizon + " steps and has released them all; its privacy cost was "
                + "fixed for that horizon: start a new tree (and charge its cost) to release more");
    }
}
