package io.shadowfeed.privacy.pii.detect.validate;

/**
 * Payment card numbers: Luhn plus the issuer's prefix range and length (Visa, Mastercard incl. 2221-2720, American
 * Express, Discover, JCB, Diners Club, UnionPay). Spaces and dashes between digit groups are allowed.
 */
public final class CreditCardValidator {

    /** The card networks recognized. */
    public enum Issuer {
        VISA, MASTERCARD, AMEX, DISCOVER, JCB, DINERS, UNIONPAY
    }

    private CreditCardValidator() {}

    public static boolean isValid(CharSequence candidate) {
        return issuerOf(candidate) != null;
    }

    /** The issuer whose range and length the number fits and whose Luhn check passes, or null. */
    public static Issuer issuerOf(CharSequence candidate) {
        String d = Digits.stripSeparators(candidate);
        if (d == null || d.length() < 12 || d.length() > 19 || Digits.allSame(d)) {
            return null;
        }
        Issuer issuer = issuerByRange(d);
        return issuer != null && LuhnChecksum.isValid(d) ? issuer : null;
    }

    private static Issuer issuerByRange(String d) {
        int len = d.length();
        int p2 = Integer.parseInt(d.substring(0, 2));
        int p3 = Integer.parseInt(d.substring(0, 3));
        int p4 = Integer.parseInt(d.substring(0, 4));
        int p6 = Integer.parseInt(d.substring(0, 6));
        if (d.charAt(0) == '4') {
            return len == 13 || len == 16 || len == 19 ? Issuer.VISA : null;
        }
        if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) {
            return len == 16 ? Issuer.MASTERCARD : null;
        }
        if (p2 == 34 || p2 == 37) {
            return len == 15 ? Issuer.AMEX : null;
        }
        if (p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65 || (p6 >= 622126 && p6 <= 622925)) {
            return len >= 16 && len <= 19 ? Issuer.DISCOVER : null;
        }
        if (p4 >= 3528 && p4 <= 3589) {
            return len >= 16 && len <= 19 ? Issuer.JCB : null;
        }
        if ((p3 >= 300 && p3 <= 305) || p4 == 3095 || p2 == 36 || p2 == 38 || p2 == 39) {
            return len >= 14 && len <= 19 ? Issuer.DINERS : null;
        }
        if (p2 == 62 || p2 == 81) {
            return len >= 16 && len <= 19 ? Issuer.UNIONPAY : null;
        }
        return null;
    }
}
