package io.shadowfeed.privacy.pii.detect.validate;

/** The Luhn (mod 10) checksum used by payment card numbers. */
public final class LuhnChecksum {

    private LuhnChecksum() {}

    /** True if {@code digits} (digits only) is non-empty and passes the Luhn check. */
    public static boolean isValid(CharSequence digits) {
        if (digits == null || digits.length() < 2) {
            return false;
        }
        int sum = 0;
        boolean dbl = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            int d = c - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }
}
