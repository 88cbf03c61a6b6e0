package io.shadowfeed.trainer.transform;

/** The argument checks of this package, with uniform messages: "{@code <param> must be ... Provided value: %s}". */
final class TransformPreconditions {

    private TransformPreconditions() {}

    static <T> T checkNotNull(T value, String param) {
        if (value == null) {
            throw new NullPointerException(param + " must not be null.");
        }
        return value;
    }

    static int checkPositive(int value, String param) {
        if (value < 1) {
            throw new IllegalArgumentException(param + " must be >= 1. Provided value: " + value);
        }
        return value;
    }

    static int checkNonNegative(int value, String param) {
        if (value < 0) {
            throw new IllegalArgumentException(param + " must be >= 0. Provided value: " + value);
        }
        return value;
    }

    static double checkPositive(double value, String param) {
        if (!(value > 0.0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(param + " must be finite and > 0. Provided value: " + value);
        }
        return value;
    }

    static double checkProbability(double value, String param) {
        if (!(value >= 0.0 && value < 1.0)) {
            throw new IllegalArgumentException(param + " must be in [0, 1). Provided value: " + value);
        }
        return value;
    }

    static double checkFinite(double value, String param) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(param + " must be finite. Provided value: " + value);
        }
        return value;
    }

    static void checkArgument(boolean condition, String messageFormat, Object... args) {
        if (!condition) {
            throw new IllegalArgumentException(String.format(messageFormat, args));
        }
    }
}
