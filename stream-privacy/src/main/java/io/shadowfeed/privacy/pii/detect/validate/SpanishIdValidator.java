package io.shadowfeed.privacy.pii.detect.validate;

/** Spanish NIF/DNI (8 digits + check letter) and NIE (X/Y/Z + 7 digits + check letter); a dash before the letter is allowed. */
public final class SpanishIdValidator {

    private static final String LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

    private SpanishIdValidator() {}

    public static boolean isValid(CharSequence candidate) {
        return isValidNif(candidate) || isValidNie(candidate);
    }

    public static boolean isValidNif(CharSequence candidate) {
        String s = compact(candidate);
        if (s == null || s.length() != 9 || !Digits.allDigits(s.substring(0, 8))) {
            return false;
        }
        return checkLetter(Integer.parseInt(s.substring(0, 8))) == s.charAt(8);
    }

    public static boolean isValidNie(CharSequence candidate) {
        String s = compact(candidate);
        if (s == null || s.length() != 9 || !Digits.allDigits(s.substring(1, 8))) {
            return false;
        }
        int prefix = "XYZ".indexOf(s.charAt(0));
        if (prefix < 0) {
            return false;
        }
        return checkLetter(Integer.parseInt(prefix + s.substring(1, 8))) == s.charAt(8);
    }

    private static char checkLetter(int number) {
        return LETTERS.charAt(number % 23);
    }

    private static String compact(CharSequence candidate) {
        if (candidate == null || candidate.length() > 12) {
            return null;
        }
        StringBuilder b = new StringBuilder(9);
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (c != '-' && c != ' ') {
                b.append(Character.toUpperCase(c));
            }
        }
        return b.toString();
    }
}
