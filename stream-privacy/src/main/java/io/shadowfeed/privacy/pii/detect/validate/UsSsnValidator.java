package io.shadowfeed.privacy.pii.detect.validate;

/**
 * US Social Security numbers (no checksum exists): area not 000, 666 or 900-999; group not 00; serial not 0000; all
 * equal digits and the advertising numbers 123-45-6789 / 987-65-4321 are rejected. Accepts {@code 123-45-6789},
 * {@code 123 45 6789} and {@code 123456789}.
 */
public final class UsSsnValidator {

    private UsSsnValidator() {}

    public static boolean isValid(CharSequence candidate) {
        if (candidate == null) {
            return false;
        }
        String s = candidate.toString();
        String d;
        if (s.length() == 11 && (s.charAt(3) == '-' || s.charAt(3) == ' ') && s.charAt(6) == s.charAt(3)) {
            d = s.substring(0, 3) + s.substring(4, 6) + s.substring(7);
        } else {
            d = s;
        }
        if (d.length() != 9 || !Digits.allDigits(d) || Digits.allSame(d)) {
            return false;
        }
        int area = Integer.parseInt(d.substring(0, 3));
        int group = Integer.parseInt(d.substring(3, 5));
        int serial = Integer.parseInt(d.substring(5));
        if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0) {
            return false;
        }
        return !d.equals("123456789") && !d.equals("987654321");
    }
}
