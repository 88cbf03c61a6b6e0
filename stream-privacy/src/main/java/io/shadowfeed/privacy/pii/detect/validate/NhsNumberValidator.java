package io.shadowfeed.privacy.pii.detect.validate;

/** UK NHS numbers: ten digits (optionally grouped 3-3-4 with spaces or dashes) with the mod-11 check digit. */
public final class NhsNumberValidator {

    private NhsNumberValidator() {}

    public static boolean isValid(CharSequence candidate) {
        String d = Digits.stripSeparators(candidate);
        if (d == null || d.length() != 10 || Digits.allSame(d)) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (d.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == d.charAt(9) - '0';
    }
}
