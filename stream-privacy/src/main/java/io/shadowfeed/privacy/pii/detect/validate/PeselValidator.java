package io.shadowfeed.privacy.pii.detect.validate;

import java.time.DateTimeException;
import java.time.LocalDate;

/** Polish PESEL: eleven digits, the weighted checksum, and a real birth date encoded in the first six digits. */
public final class PeselValidator {

    private static final int[] WEIGHTS = {1, 3, 7, 9, 1, 3, 7, 9, 1, 3};

    private PeselValidator() {}

    public static boolean isValid(CharSequence candidate) {
        if (candidate == null || candidate.length() != 11 || !Digits.allDigits(candidate)
                || Digits.allSame(candidate)) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += (candidate.charAt(i) - '0') * WEIGHTS[i];
        }
        if ((10 - sum % 10) % 10 != candidate.charAt(10) - '0') {
            return false;
        }
        return birthDate(candidate) != null;
    }

    /** The birth date encoded in a PESEL (month offsets 80/0/20/40/60 for 1800-2299), or null if it is not a date. */
    public static LocalDate birthDate(CharSequence pesel) {
        int yy = num(pesel, 0);
        int mm = num(pesel, 2);
        int dd = num(pesel, 4);
        int century;
        if (mm > 80) {
            century = 1800;
            mm -= 80;
        } else if (mm > 60) {
            century = 2200;
            mm -= 60;
        } else if (mm > 40) {
            century = 2100;
            mm -= 40;
        } else if (mm > 20) {
            century = 2000;
            mm -= 20;
        } else {
            century = 1900;
        }
        try {
            return LocalDate.of(century + yy, mm, dd);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int num(CharSequence s, int at) {
        return (s.charAt(at) - '0') * 10 + (s.charAt(at + 1) - '0');
    }
}
