package io.shadowfeed.trainer.evaluate;

/**
 * The tables handed to an evaluation do not line up: a modelled column of the real table is missing from another
 * table, has another kind there, or a column has the wrong kind for the metric. The message names the column and
 * what to change; it never quotes cell values.
 */
public final class IncompatibleTablesException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public IncompatibleTablesException(String message) {
        super(message);
    }
}
