package io.shadowfeed.privacy.pii.policy.fake;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Phone numbers that libphonenumber accepts as valid for the country ({@code isValidNumberForRegion}), in
 * international format ({@code +49 30 12345678}), and of a type a person has (mobile or fixed line; never premium
 * rate, toll free or shared cost). datafaker's phone formats are not always valid, so numbers are
 * built from libphonenumber's own example numbers (mobile and fixed line) with the trailing digits randomized: first
 * all but the leading digit, then fewer, each candidate validated, at most {@value #ATTEMPTS} tries; the example
 * number itself (valid by definition) is the last resort.
 */
final class Phones {

    private static final int ATTEMPTS = 12;
    /** What a person's number is: no premium-rate, toll-free, shared-cost or pager numbers. */
    private static final java.util.Set<PhoneNumberType> PERSONAL_TYPES = java.util.EnumSet.of(
            PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE, PhoneNumberType.FIXED_LINE_OR_MOBILE);
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Map<String, List<Template>> TEMPLATES = new ConcurrentHashMap<>();

    private Phones() {}

    static String generate(FakeCountry country, SeededRandom random) {
        String region = country.iso();
        List<Template> templates = TEMPLATES.computeIfAbsent(region, Phones::templates);
        if (templates.isEmpty()) {
            return null;
        }
        Template template = templates.get(random.nextInt(templates.size()));
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            // keep 1, 1, 1, 2, 2, 2, 3, ... leading digits of the example: more variety first, more validity later
            char[] digits = template.nationalNumber.toCharArray();
            int keep = Math.min(digits.length - 1, 1 + attempt / 3);
            for (int i = keep; i < digits.length; i++) {
                digits[i] = (char) ('0' + random.nextInt(10));
            }
            PhoneNumber candidate = number(template.countryCode, new String(digits));
            if (PERSONAL_TYPES.contains(UTIL.getNumberType(candidate))
                    && UTIL.isValidNumberForRegion(candidate, region)) {
                return UTIL.format(candidate, PhoneNumberFormat.INTERNATIONAL);
            }
        }
        return UTIL.format(number(template.countryCode, template.nationalNumber), PhoneNumberFormat.INTERNATIONAL);
    }

    private static PhoneNumber number(int countryCode, String nationalSignificantNumber) {
        PhoneNumber number = new PhoneNumber().setCountryCode(countryCode)
                .setNationalNumber(Long.parseLong(nationalSignificantNumber));
        int zeros = 0;
        while (zeros < nationalSignificantNumber.length() - 1 && nationalSignificantNumber.charAt(zeros) == '0') {
            zeros++;
        }
        if (zeros > 0) {
            number.setItalianLeadingZero(true).setNumberOfLeadingZeros(zeros);
        }
        return number;
    }

    private static List<Template> templates(String region) {
        List<Template> templates = new ArrayList<>();
        for (PhoneNumberType type : new PhoneNumberType[] {PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE}) {
            PhoneNumber example = UTIL.getExampleNumberForType(region, type);
            if (example != null) {
                templates.add(new Template(example.getCountryCode(), UTIL.getNationalSignificantNumber(example)));
            }
        }
        return List.copyOf(templates);
    }

    private record Template(int countryCode, String nationalNumber) {}
}
