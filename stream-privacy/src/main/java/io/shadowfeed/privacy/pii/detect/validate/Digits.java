package io.shadowfeed.privacy.pii.detect.validate;

/** Small helpers shared by the validators. */
final class Digits {

    private Digits() {}

    /** The digits of {@code s} with spaces, dashes and dots removed, or null if anything else is in it. */
    static String stripSeparators(CharSequence s) {
        if (s == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                out.append(c);
            } else if (c != ' ' && c != '-' && c != '.' && c != '\u00A0') {
                return null;
            }
        }
        return out.toString();
    }

    static boolean allDigits(CharSequence s) {
        if (s == null || s.length() == 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    static boolean allSame(CharSequence s) {
        for (int i = 1; i < s.length(); i++) {
            if (s.charAt(i) != s.charAt(0)) {
                return false;
            }
        }
        return true;
    }
}
