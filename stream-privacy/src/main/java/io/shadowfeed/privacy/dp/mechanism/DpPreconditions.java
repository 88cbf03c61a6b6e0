package io.shadowfeed.privacy.dp.mechanism;

/**
 * The argument checks of the DP mechanisms, in one place, with uniform messages:
 * "{@code <param> must be ... Provided value: <value>}".
 */
public final class DpPreconditions {
    private DpPreconditions() {
    }

    public static double checkEpsilon(double epsilon) {
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be positive and finite. Provided value: " + epsilon);
        }
        return epsilon;
    }

    public static double checkDelta(double delta) {
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("delta must be in (0, 1). Provided value: " + delta);
        }
        return delta;
    }

    public static double checkRho(double rho) {
        if (!(rho > 0) || Double.isInfinite(rho)) {
            throw new IllegalArgumentException("rho must be positive and finite. Provided value: " + rho);
        }
        return rho;
    }

    /** A sensitivity (L1 or L2, named by {@code param}): positive and finite. */
    public static double checkSensitivity(double sensitivity, String param) {
        return checkPositiveFinite(sensitivity, param);
    }

    public static double checkPositiveFinite(double value, String param) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(param + " must be positive and finite. Provided value: " + value);
        }
        return value;
    }

    public static long checkPositive(long value, String param) {
        if (value <= 0) {
            throw new IllegalArgumentException(param + " must be positive. Provided value: " + value);
        }
        return value;
    }

    public static <T> T checkNotNull(T value, String param) {
        if (value == null) {
            throw new NullPointerException(param + " must not be null.");
        }
        return value;
    }

    /** A builder option that may be set once. */
    public static void checkUnset(boolean alreadySet, String param) {
        if (alreadySet) {
            throw new IllegalStateException(param + " is already set; set it once.");
        }
    }
}
