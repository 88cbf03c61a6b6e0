package io.shadowfeed.trainer.sample;

/** Conditional sampling gave up: the model rarely produces rows that satisfy all the conditions together. */
public final class UnsatisfiableConditionException extends RuntimeException {
    public UnsatisfiableConditionException(String conditions, int wanted, int found, long generated) {
        super("only " + found + " of " + wanted + " rows satisfied " + conditions + " after generating "
                + generated + " rows; the combination is rare or absent in the training data: relax a condition "
                + "or ask for fewer rows");
    }
}
