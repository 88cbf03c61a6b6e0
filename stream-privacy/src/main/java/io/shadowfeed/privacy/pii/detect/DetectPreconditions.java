package io.shadowfeed.privacy.pii.detect;

/** The argument checks of this package, with uniform messages: "{@code <param> must be ... Provided value: %s}". */
public final class DetectPreconditions {

    private DetectPreconditions() {}

    public static <T> T checkNotNull(T value, String param) {
        if (value == null) {
            throw new NullPointerException(param + " must not be null.");
        }
        return value;
    }

    public static double checkScore(double value, String param) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(param + " must be in [0, 1]. Provided value: " + value);
        }
        return value;
    }

    public static int checkNonNegative(int value, String param) {
        if (value < 0) {
            throw new IllegalArgumentException(param + " must be >= 0. Provided value: " + value);
        }
        return value;
    }

    public static String checkNotBlank(String value, String param) {
        checkNotNull(value, param);
        if (value.isBlank()) {
            throw new IllegalArgumentException(param + " must not be blank. Provided value: '" + value + "'");
        }
        return value;
    }

    public static void checkArgument(boolean condition, String messageFormat, Object... args) {
        if (!condition) {
            throw new IllegalArgumentException(String.format(messageFormat, args));
        }
    }

    public static void checkState(boolean condition, String messageFormat, Object... args) {
        if (!condition) {
            throw new IllegalStateException(String.format(messageFormat, args));
        }
    }
}
