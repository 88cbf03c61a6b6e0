package io.shadowfeed.job.testutils;

import java.math.BigInteger;
import java.util.Random;

/** Valid, checksummed identifiers to inject as canaries: if one reaches an output byte, something leaked. */
public final class CanaryIdentifiers {

    private CanaryIdentifiers() {}

    /** A 16-digit Visa number with a valid Luhn check digit. */
    public static String visa(Random random) {
        StringBuilder digits = new StringBuilder("4");
        while (digits.length() < 15) {
            digits.append(random.nextInt(10));
        }
        digits.append(luhnCheckDigit(digits.toString()));
        return digits.toString();
    }

    /** A German IBAN (22 characters) with valid mod-97 check digits. */
    public static String germanIban(Random random) {
        StringBuilder bban = new StringBuilder();
        while (bban.length() < 18) {
            bban.append(random.nextInt(10));
        }
        // check digits: 98 - (BBAN + "DE00" as numbers) mod 97, with D=13, E=14
        BigInteger n = new BigInteger(bban + "131400");
        int check = 98 - n.mod(BigInteger.valueOf(97)).intValue();
        return "DE" + (check < 10 ? "0" : "") + check + bban;
    }

    /** A US SSN that follows the area / group / serial rules, written 123-45-6789. */
    public static String ssn(Random random) {
        int area;
        do {
            area = 1 + random.nextInt(899);
        } while (area == 666);
        int group = 1 + random.nextInt(99);
        int serial = 1 + random.nextInt(9999);
        return String.format("%03d-%02d-%04d", area, group, serial);
    }

    private static int luhnCheckDigit(String payload) {
        int sum = 0;
        boolean twice = true;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int d = payload.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return (10 - sum % 10) % 10;
    }
}
