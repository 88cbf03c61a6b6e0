package io.shadowfeed.privacy.pii.detect.validate;

/**
 * Italian codice fiscale of a person: 16 characters (surname, name, birth year, month letter, day, place, check
 * character), with the omocodia substitution of digits by letters, and the check character computed from the odd and
 * even position tables.
 */
public final class CodiceFiscaleValidator {

    private static final int[] ODD = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22,
        25, 24, 23};
    private static final String MONTHS = "ABCDEHLMPRST";
    private static final String OMOCODIA = "LMNPQRSTUV";
    private static final int[] NUMERIC_POSITIONS = {6, 7, 9, 10, 12, 13, 14};

    private CodiceFiscaleValidator() {}

    public static boolean isValid(CharSequence candidate) {
        if (candidate == null || candidate.length() != 16) {
            return false;
        }
        String s = candidate.toString().toUpperCase(java.util.Locale.ROOT);
        for (int i = 0; i < 16; i++) {
            char c = s.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        for (int i : new int[] {0, 1, 2, 3, 4, 5, 8, 11, 15}) {
            if (!Character.isLetter(s.charAt(i))) {
                return false;
            }
        }
        char[] digits = s.toCharArray();
        for (int p : NUMERIC_POSITIONS) {
            char c = digits[p];
            if (c >= '0' && c <= '9') {
                continue;
            }
            int k = OMOCODIA.indexOf(c);
            if (k < 0) {
                return false;
            }
            digits[p] = (char) ('0' + k);
        }
        if (MONTHS.indexOf(s.charAt(8)) < 0) {
            return false;
        }
        int day = (digits[9] - '0') * 10 + (digits[10] - '0');
        if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71))) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 15; i++) {
            char c = s.charAt(i);
            int v = c >= '0' && c <= '9' ? c - '0' : c - 'A';
            sum += (i % 2 == 0) ? ODD[v] : v;
        }
        return s.charAt(15) == (char) ('A' + sum % 26);
    }
}
