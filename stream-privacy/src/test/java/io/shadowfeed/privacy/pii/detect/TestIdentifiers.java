package io.shadowfeed.privacy.pii.detect;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.shadowfeed.privacy.pii.detect.validate.IbanValidator;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Random;

/** Seeded generators of valid (and deliberately invalid) identifiers for the labelled sets and tests. */
final class TestIdentifiers {

    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final Random random;

    TestIdentifiers(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    String digits(int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + random.nextInt(10)));
        }
        return b.toString();
    }

    /** A Luhn-valid card of a random issuer, or a Luhn-failing one. */
    String card(boolean valid) {
        String[][] issuers = {{"4", "16"}, {"4", "13"}, {"51", "16"}, {"55", "16"}, {"2221", "16"}, {"2720", "16"},
            {"34", "15"}, {"37", "15"}, {"6011", "16"}, {"65", "16"}, {"3530", "16"}, {"36", "14"}, {"62", "16"}};
        String[] pick = issuers[random.nextInt(issuers.length)];
        int len = Integer.parseInt(pick[1]);
        String body = pick[0] + digits(len - 1 - pick[0].length());
        int check = luhnCheckDigit(body);
        if (!valid) {
            check = (check + 1 + random.nextInt(9)) % 10;
        }
        return body + check;
    }

    static int luhnCheckDigit(String body) {
        int sum = 0;
        boolean dbl = true;
        for (int i = body.length() - 1; i >= 0; i--) {
            int d = body.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return (10 - sum % 10) % 10;
    }

    static String groups(String s, int size, String sep) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i += size) {
            if (i > 0) {
                b.append(sep);
            }
            b.append(s, i, Math.min(s.length(), i + size));
        }
        return b.toString();
    }

    /** A valid IBAN (compact) for one of several countries, or one with wrong check digits. */
    String iban(boolean valid) {
        String[] countries = {"DE", "GB", "FR", "ES", "IT", "NL", "BE", "AT", "PL", "PT", "CH", "IE", "SE", "NO"};
        String c = countries[random.nextInt(countries.length)];
        int len = IbanValidator.lengthOf(c);
        String bban;
        if (c.equals("GB") || c.equals("IE")) {
            bban = letters(4) + digits(len - 8);
        } else if (c.equals("NL")) {
            bban = letters(4) + digits(len - 8);
        } else if (c.equals("IT")) {
            bban = letters(1) + digits(len - 5);
        } else {
            bban = digits(len - 4);
        }
        int check = 98 - mod97(bban + c + "00");
        if (!valid) {
            check = (check + 1 + random.nextInt(90)) % 97 + 2;
        }
        return c + String.format("%02d", check) + bban;
    }

    String letters(int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) ('A' + random.nextInt(26)));
        }
        return b.toString();
    }

    private static int mod97(String s) {
        int rem = 0;
        for (char c : s.toCharArray()) {
            if (Character.isDigit(c)) {
                rem = (rem * 10 + (c - '0')) % 97;
            } else {
                rem = (rem * 100 + (c - 'A' + 10)) % 97;
            }
        }
        return rem;
    }

    String ssn(boolean valid) {
        if (valid) {
            int area;
            do {
                area = 1 + random.nextInt(899);
            } while (area == 666);
            return String.format("%03d-%02d-%04d", area, 1 + random.nextInt(99), 1 + random.nextInt(9999));
        }
        int[] badAreas = {0, 666, 900 + random.nextInt(100)};
        return String.format("%03d-%02d-%04d", badAreas[random.nextInt(3)], random.nextInt(100),
                random.nextInt(10000));
    }

    String nhs(boolean valid) {
        while (true) {
            String body = digits(9);
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (body.charAt(i) - '0') * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 11) {
                check = 0;
            }
            if (check == 10) {
                continue;
            }
            if (!valid) {
                check = (check + 1 + random.nextInt(8)) % 10;
            }
            String n = body + check;
            return n.substring(0, 3) + " " + n.substring(3, 6) + " " + n.substring(6);
        }
    }

    String spanishId(boolean valid) {
        String letters = "TRWAGMYFPDXBNJZSQVHLCKE";
        if (random.nextBoolean()) {
            String d = digits(8);
            int idx = Integer.parseInt(d) % 23;
            return d + letters.charAt(valid ? idx : (idx + 1 + random.nextInt(21)) % 23);
        }
        int prefix = random.nextInt(3);
        String d = digits(7);
        int idx = Integer.parseInt(prefix + d) % 23;
        return "XYZ".charAt(prefix) + d + letters.charAt(valid ? idx : (idx + 1 + random.nextInt(21)) % 23);
    }

    String codiceFiscale(boolean valid) {
        int[] odd = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23};
        String months = "ABCDEHLMPRST";
        int day = 1 + random.nextInt(28) + (random.nextBoolean() ? 40 : 0);
        String body = letters(6) + digits(2) + months.charAt(random.nextInt(12)) + String.format("%02d", day)
                + letters(1) + digits(3);
        int sum = 0;
        for (int i = 0; i < 15; i++) {
            char c = body.charAt(i);
            int v = Character.isDigit(c) ? c - '0' : c - 'A';
            sum += i % 2 == 0 ? odd[v] : v;
        }
        int check = sum % 26;
        if (!valid) {
            check = (check + 1 + random.nextInt(24)) % 26;
        }
        return body + (char) ('A' + check);
    }

    String pesel(boolean valid) {
        LocalDate d = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(365 * 80));
        int mm = d.getMonthValue() + (d.getYear() >= 2000 ? 20 : 0);
        String body = String.format("%02d%02d%02d", d.getYear() % 100, mm, d.getDayOfMonth()) + digits(4);
        int[] w = {1, 3, 7, 9, 1, 3, 7, 9, 1, 3};
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += (body.charAt(i) - '0') * w[i];
        }
        int check = (10 - sum % 10) % 10;
        if (!valid) {
            check = (check + 1 + random.nextInt(9)) % 10;
        }
        return body + check;
    }

    /** A valid phone number of {@code region} (an example number with the last digits changed). */
    String phone(String region, PhoneNumberFormat format) {
        PhoneNumberType type = random.nextBoolean() ? PhoneNumberType.MOBILE : PhoneNumberType.FIXED_LINE;
        PhoneNumber example = PHONES.getExampleNumberForType(region, type);
        if (example == null) {
            example = PHONES.getExampleNumber(region);
        }
        for (int attempt = 0; attempt < 200; attempt++) {
            String national = String.valueOf(example.getNationalNumber());
            int keep = Math.max(2, national.length() - 4);
            String candidate = national.substring(0, keep) + digits(national.length() - keep);
            PhoneNumber n = new PhoneNumber().setCountryCode(example.getCountryCode())
                    .setNationalNumber(Long.parseLong(candidate));
            if (example.hasItalianLeadingZero()) {
                n.setItalianLeadingZero(true);
            }
            if (PHONES.isValidNumber(n)) {
                return PHONES.format(n, format);
            }
        }
        return PHONES.format(example, format);
    }

    String bitcoinBase58() {
        byte[] payload = new byte[21];
        payload[0] = (byte) (random.nextBoolean() ? 0x00 : 0x05);
        for (int i = 1; i < 21; i++) {
            payload[i] = (byte) random.nextInt(256);
        }
        byte[] check = sha256(sha256(payload));
        byte[] full = Arrays.copyOf(payload, 25);
        System.arraycopy(check, 0, full, 21, 4);
        BigInteger v = new BigInteger(1, full);
        StringBuilder b = new StringBuilder();
        BigInteger fiftyEight = BigInteger.valueOf(58);
        while (v.signum() > 0) {
            BigInteger[] qr = v.divideAndRemainder(fiftyEight);
            b.append(BASE58.charAt(qr[1].intValue()));
            v = qr[0];
        }
        for (byte x : full) {
            if (x != 0) {
                break;
            }
            b.append('1');
        }
        return b.reverse().toString();
    }

    /** A segwit v0 P2WPKH address with a correct bech32 checksum. */
    String bitcoinBech32() {
        byte[] program = new byte[20];
        random.nextBytes(program);
        int[] data5 = convertBits(program);
        int[] data = new int[1 + data5.length];
        data[0] = 0;
        System.arraycopy(data5, 0, data, 1, data5.length);
        int[] values = new int[5 + data.length + 6];
        values[0] = 'b' >> 5;
        values[1] = 'c' >> 5;
        values[2] = 0;
        values[3] = 'b' & 31;
        values[4] = 'c' & 31;
        System.arraycopy(data, 0, values, 5, data.length);
        int mod = polymod(values) ^ 1;
        StringBuilder b = new StringBuilder("bc1");
        for (int d : data) {
            b.append(BECH32.charAt(d));
        }
        for (int i = 0; i < 6; i++) {
            b.append(BECH32.charAt((mod >> (5 * (5 - i))) & 31));
        }
        return b.toString();
    }

    String ethereumLowercase() {
        StringBuilder b = new StringBuilder("0x");
        for (int i = 0; i < 40; i++) {
            b.append("0123456789abcdef".charAt(random.nextInt(16)));
        }
        return b.toString();
    }

    private static int[] convertBits(byte[] in) {
        int acc = 0;
        int bits = 0;
        int[] out = new int[(in.length * 8 + 4) / 5];
        int k = 0;
        for (byte value : in) {
            acc = (acc << 8) | (value & 0xff);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                out[k++] = (acc >> bits) & 31;
            }
        }
        if (bits > 0) {
            out[k++] = (acc << (5 - bits)) & 31;
        }
        return Arrays.copyOf(out, k);
    }

    private static int polymod(int[] values) {
        int[] gen = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
        int chk = 1;
        for (int v : values) {
            int b = chk >>> 25;
            chk = ((chk & 0x1ffffff) << 5) ^ v;
            for (int i = 0; i < 5; i++) {
                if (((b >>> i) & 1) != 0) {
                    chk ^= gen[i];
                }
            }
        }
        return chk;
    }

    private static byte[] sha256(byte[] in) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(in);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
