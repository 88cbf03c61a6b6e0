package io.shadowfeed.privacy.pii.policy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** Conversions every policy shares: the text of a value, its number. Internal. */
final class Values {

    private Values() {}

    /** The text of a value: UTF-8 for bytes, decimal for numbers, {@code toString()} otherwise. */
    static String text(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return String.valueOf(value);
    }

    static boolean isIntegral(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger;
    }

    /** The value as a number, or null if it is neither a number nor the text of one. */
    static BigDecimal number(Object value) {
        try {
            if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
                return BigDecimal.valueOf(((Number) value).longValue());
            }
            if (value instanceof Double || value instanceof Float) {
                double d = ((Number) value).doubleValue();
                return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
            }
            if (value instanceof BigDecimal decimal) {
                return decimal;
            }
            if (value instanceof BigInteger integer) {
                return new BigDecimal(integer);
            }
            if (value instanceof String || value instanceof byte[]) {
                String text = text(value).strip();
                if (text.isEmpty() || text.length() > 400) {
                    return null;
                }
                return new BigDecimal(text);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
        return null;
    }
}
