package io.shadowfeed.privacy.dp.ledger;

import java.util.List;

/** The argument checks of this package, with uniform messages: "{@code <param> must be ... Provided value: %s}". */
final class LedgerPreconditions {

    private LedgerPreconditions() {}

    static <T> T checkNotNull(T value, String param) {
        if (value == null) {
            throw new NullPointerException(param + " must not be null.");
        }
        return value;
    }

    static String checkNotBlank(String value, String param) {
        checkNotNull(value, param);
        if (value.isBlank()) {
            throw new IllegalArgumentException(param + " must not be blank. Provided value: '" + value + "'");
        }
        return value;
    }

    /** A name that appears in keys, file names and messages: printable, no line breaks. */
    static String checkName(String value, String param) {
        checkNotBlank(value, param);
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException(param + " must not contain control characters. Provided value: '"
                        + value.replaceAll("\\p{Cntrl}", "?") + "'");
            }
        }
        return value;
    }

    static double checkEpsilon(double value, String param) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(param + " must be positive and finite. Provided value: " + value);
        }
        return value;
    }

    static double checkDelta(double value, String param) {
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException(param + " must be in (0, 1). Provided value: " + value);
        }
        return value;
    }

    static double checkRho(double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("rho must be >= 0 and finite. Provided value: " + value);
        }
        return value;
    }

    static void checkOrders(List<Double> orders) {
        if (orders.isEmpty()) {
            throw new IllegalArgumentException("orders must not be empty.");
        }
        double previous = 1;
        for (double order : orders) {
            if (!(order > previous) || Double.isInfinite(order)) {
                throw new IllegalArgumentException("orders must be finite, greater than 1 and increasing. Provided "
                        + "value: " + order + " after " + previous);
            }
            previous = order;
        }
    }

    static void checkArgument(boolean condition, String messageFormat, Object... args) {
        if (!condition) {
            throw new IllegalArgumentException(String.format(messageFormat, args));
        }
    }
}
