package io.shadowfeed.privacy.pii.detect.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link PhoneNumbers} must accept exactly the digit strings that libphonenumber's {@code findNumbers} (leniency VALID)
 * accepts as one whole number: example numbers of every region and variants of them (national format with and without
 * the national prefix, with a leading country code, after international dialing prefixes, one digit changed, one
 * digit less or more), plus seeded random digit strings.
 */
class PhoneNumbersTest {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    @Test
    void agreesWithFindNumbersOnExampleNumbersOfEveryRegion() {
        List<String> disagreements = new ArrayList<>();
        int national = 0;
        int international = 0;
        int validSeen = 0;
        for (String region : new TreeSet<>(UTIL.getSupportedRegions())) {
            PhoneNumbers.Region r = PhoneNumbers.region(region);
            assertThat(r).as(region).isNotNull();
            Set<String> nationalInputs = new LinkedHashSet<>();
            Set<String> intlInputs = new LinkedHashSet<>();
            for (PhoneNumberType type : PhoneNumberType.values()) {
                PhoneNumber ex = UTIL.getExampleNumberForType(region, type);
                if (ex == null) {
                    continue;
                }
                String nat = PhoneNumberUtil.normalizeDigitsOnly(UTIL.format(ex, PhoneNumberFormat.NATIONAL));
                String e164 = UTIL.format(ex, PhoneNumberFormat.E164).substring(1);
                String nsn = UTIL.getNationalSignificantNumber(ex);
                for (String v : variants(nat)) {
                    nationalInputs.add(v);
                }
                nationalInputs.add(nsn);
                nationalInputs.add(e164);
                nationalInputs.add("00" + e164);
                nationalInputs.add("011" + e164);
                nationalInputs.add("000" + e164);
                for (String v : variants(e164)) {
                    intlInputs.add(v);
                }
            }
            for (String digits : nationalInputs) {
                boolean expected = refNational(digits, region);
                boolean actual = PhoneNumbers.isValidNational(digits, r);
                national++;
                validSeen += expected ? 1 : 0;
                if (expected != actual) {
                    disagreements.add(region + " national " + digits + ": findNumbers " + expected);
                }
            }
            for (String digits : intlInputs) {
                boolean expected = refInternational(digits);
                boolean actual = PhoneNumbers.isValidInternational(digits);
                international++;
                if (expected != actual) {
                    disagreements.add("+" + digits + ": findNumbers " + expected);
                }
            }
        }
        System.out.printf("PhoneNumbers vs findNumbers: %d national and %d international inputs (%d valid national),"
                + " %d disagreements%n", national, international, validSeen, disagreements.size());
        disagreements.stream().limit(40).forEach(System.out::println);
        assertThat(national).isGreaterThan(5_000);
        assertThat(disagreements).isEmpty();
    }

    @Test
    void agreesWithFindNumbersOnRandomDigits() {
        Random random = new Random(20250101);
        List<String> disagreements = new ArrayList<>();
        int valid = 0;
        String[] regions = {"US", "GB", "DE", "FR", "ES", "IT", "NL", "PL", "BR", "IN", "JP", "RU", "AU", "MX"};
        for (int i = 0; i < 6_000; i++) {
            int len = 7 + random.nextInt(9);
            StringBuilder b = new StringBuilder();
            for (int k = 0; k < len; k++) {
                b.append((char) ('0' + random.nextInt(10)));
            }
            String digits = b.toString();
            String region = regions[i % regions.length];
            boolean expected = refNational(digits, region);
            valid += expected ? 1 : 0;
            if (expected != PhoneNumbers.isValidNational(digits, PhoneNumbers.region(region))) {
                disagreements.add(region + " national " + digits + ": findNumbers " + expected);
            }
            if (digits.charAt(0) != '0') {
                boolean expectedIntl = refInternational(digits);
                if (expectedIntl != PhoneNumbers.isValidInternational(digits)) {
                    disagreements.add("+" + digits + ": findNumbers " + expectedIntl);
                }
            }
        }
        System.out.printf("random digits: %d valid national, %d disagreements%n", valid, disagreements.size());
        disagreements.stream().limit(40).forEach(System.out::println);
        assertThat(valid).isGreaterThan(100);
        assertThat(disagreements).isEmpty();
    }

    @Test
    void unknownRegionsAreNull() {
        assertThat(PhoneNumbers.region("XX")).isNull();
        assertThat(PhoneNumbers.region(null)).isNull();
        assertThat(PhoneNumbers.region("DE").trunkIsZero()).isTrue();
        assertThat(PhoneNumbers.region("ES").trunkIsZero()).isFalse();
    }

    private static List<String> variants(String digits) {
        List<String> out = new ArrayList<>();
        out.add(digits);
        if (digits.length() > 1) {
            out.add(digits.substring(0, digits.length() - 1));
            char last = digits.charAt(digits.length() - 1);
            out.add(digits.substring(0, digits.length() - 1) + (char) ('0' + (last - '0' + 1) % 10));
            out.add(digits.substring(1));
        }
        out.add(digits + "7");
        return out;
    }

    private static boolean refNational(String digits, String region) {
        for (PhoneNumberMatch m : UTIL.findNumbers(digits, region, Leniency.VALID, Long.MAX_VALUE)) {
            if (m.start() == 0 && m.end() == digits.length()) {
                return true;
            }
        }
        return false;
    }

    private static boolean refInternational(String digits) {
        String text = "+" + digits;
        for (PhoneNumberMatch m : UTIL.findNumbers(text, "ZZ", Leniency.VALID, Long.MAX_VALUE)) {
            if (m.start() == 0 && m.end() == text.length()) {
                return true;
            }
        }
        return false;
    }
}
