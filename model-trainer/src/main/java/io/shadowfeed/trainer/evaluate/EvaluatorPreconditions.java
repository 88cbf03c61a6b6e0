package io.shadowfeed.trainer.evaluate;

/** Argument checks for the evaluation options, with uniform messages. */
final class EvaluatorPreconditions {

    private EvaluatorPreconditions() {
    }

    static int positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive. Provided value: " + value);
        }
        return value;
    }
}
