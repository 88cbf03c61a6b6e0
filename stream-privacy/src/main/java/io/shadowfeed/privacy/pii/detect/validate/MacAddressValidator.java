package io.shadowfeed.privacy.pii.detect.validate;

import java.util.regex.Pattern;

/** MAC addresses: six hex pairs joined by one consistent ':' or '-', or the dotted form {@code 0011.2233.4455}. */
public final class MacAddressValidator {

    private static final Pattern PAIRS = Pattern.compile("[0-9A-Fa-f]{2}([:-])(?:[0-9A-Fa-f]{2}\\1){4}[0-9A-Fa-f]{2}");
    private static final Pattern DOTTED = Pattern.compile("[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}");

    private MacAddressValidator() {}

    public static boolean isValid(CharSequence candidate) {
        if (candidate == null || (candidate.length() != 17 && candidate.length() != 14)) {
            return false;
        }
        boolean shape = PAIRS.matcher(candidate).matches() || DOTTED.matcher(candidate).matches();
        if (!shape) {
            return false;
        }
        String hex = candidate.toString().replaceAll("[:.-]", "");
        return !Digits.allSame(hex);
    }
}
