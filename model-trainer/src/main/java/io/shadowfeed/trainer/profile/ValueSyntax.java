package io.shadowfeed.trainer.profile;

import java.math.BigDecimal;

/** The text shapes that profiling recognises; stricter than {@link Double#parseDouble} on purpose. */
final class ValueSyntax {

    private ValueSyntax() {}

    /**
     * Whether the text is a plain decimal number: optional sign, digits with an optional fraction, optional exponent.
     * {@code NaN}, {@code Infinity}, hex floats and Java's {@code 1d}/{@code 1f} suffixes are text, not numbers.
     */
    static boolean isNumber(String text) {
        int i = 0;
        int n = text.length();
        if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(text.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && text.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int exponent = 0;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
                exponent++;
            }
            if (exponent == 0) {
                return false;
            }
        }
        return i == n;
    }

    /** The number, or NaN when {@link #isNumber} says it is not one (or it overflows a double). */
    static double parseNumber(String text) {
        if (!isNumber(text)) {
            return Double.NaN;
        }
        double value = Double.parseDouble(text);
        return Double.isFinite(value) ? value : Double.NaN;
    }

    /**
     * Whether a number is written with a leading zero ({@code 007}, {@code -01}): postcodes and other codes, whose
     * zeros would be lost as numbers.
     */
    static boolean isZeroPaddedCode(String text) {
        int i = text.startsWith("-") || text.startsWith("+") ? 1 : 0;
        return text.length() > i + 1 && text.charAt(i) == '0' && isDigit(text.charAt(i + 1));
    }

    /** Digits after the decimal point, accounting for an exponent; 0 for whole numbers. */
    static int decimals(String number) {
        return Math.max(0, new BigDecimal(number).scale());
    }

    /**
     * Whether a column name reads like a key: {@code id}, {@code ID}, or ending in {@code _id}, {@code -id},
     * {@code " id"} (any case) or camel-case {@code Id} / {@code ID} after a lower-case letter
     * ({@code CustomerId}). Not {@code humid} or {@code paid}.
     */
    static boolean isIdName(String name) {
        int n = name.length();
        if (name.equalsIgnoreCase("id")) {
            return true;
        }
        if (n < 3 || !name.substring(n - 2).equalsIgnoreCase("id")) {
            return false;
        }
        char before = name.charAt(n - 3);
        if (before == '_' || before == '-' || before == ' ') {
            return true;
        }
        return Character.isLowerCase(before) && name.charAt(n - 2) == 'I';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
