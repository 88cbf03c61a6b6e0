package io.shadowfeed.privacy.pii.detect.validate;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Postal codes by country (ISO 3166 alpha-2): US, CA, GB, DE, FR, ES, IT, NL, BR, PL, PT, NO, SE, DK, FI, AU, IN, JP,
 * CZ, HU, AR, CL, BE, AT, CH, IE, plus a few more. A leading country prefix such as {@code D-}, {@code H-} or
 * {@code CH-} is accepted. Formats that no other country shares ("distinctive": CA, GB, NL, BR, PL, US ZIP+4, IE, PT
 * with extension) can be recognized without knowing the country; a bare number cannot.
 */
public final class PostcodeValidator {

    private static final Map<String, Pattern> BY_COUNTRY = Map.ofEntries(
            Map.entry("US", p("\\d{5}(?:-\\d{4})?")),
            Map.entry("CA", p("[ABCEGHJ-NPRSTVXY]\\d[ABCEGHJ-NPRSTV-Z] ?\\d[ABCEGHJ-NPRSTV-Z]\\d")),
            Map.entry("GB", p("(?:GIR ?0AA|[A-PR-UWYZ](?:\\d{1,2}|[A-HK-Y]\\d[0-9ABEHMNPRV-Y]?|\\d[A-HJKPS-UW])"
                    + " ?\\d[ABD-HJLNP-UW-Z]{2})")),
            Map.entry("DE", p("\\d{5}")),
            Map.entry("FR", p("(?:0[1-9]|[1-8]\\d|9[0-8]) ?\\d{3}")),
            Map.entry("ES", p("(?:0[1-9]|[1-4]\\d|5[0-2])\\d{3}")),
            Map.entry("IT", p("\\d{5}")),
            Map.entry("NL", p("[1-9]\\d{3} ?[A-Z]{2}")),
            Map.entry("BR", p("\\d{5}-?\\d{3}")),
            Map.entry("PL", p("\\d{2}-\\d{3}")),
            Map.entry("PT", p("\\d{4}(?:-\\d{3})?")),
            Map.entry("NO", p("\\d{4}")),
            Map.entry("SE", p("[1-9]\\d{2} ?\\d{2}")),
            Map.entry("DK", p("[1-9]\\d{3}")),
            Map.entry("FI", p("\\d{5}")),
            Map.entry("AU", p("\\d{4}")),
            Map.entry("NZ", p("\\d{4}")),
            Map.entry("IN", p("[1-9]\\d{2} ?\\d{3}")),
            Map.entry("JP", p("\\d{3}-?\\d{4}")),
            Map.entry("CZ", p("[1-7]\\d{2} ?\\d{2}")),
            Map.entry("SK", p("\\d{3} ?\\d{2}")),
            Map.entry("HU", p("[1-9]\\d{3}")),
            Map.entry("AR", p("(?:[A-HJ-NP-Z]?\\d{4}(?:[A-Z]{3})?)")),
            Map.entry("CL", p("\\d{7}|\\d{3}-\\d{4}")),
            Map.entry("BE", p("[1-9]\\d{3}")),
            Map.entry("AT", p("[1-9]\\d{3}")),
            Map.entry("CH", p("[1-9]\\d{3}")),
            Map.entry("LU", p("\\d{4}")),
            Map.entry("IE", p("(?:[AC-FHKNPRTV-Y]\\d{2}|D6W) ?[0-9AC-FHKNPRTV-Y]{4}")),
            Map.entry("MX", p("\\d{5}")),
            Map.entry("RU", p("\\d{6}")),
            Map.entry("CN", p("\\d{6}")),
            Map.entry("GR", p("\\d{3} ?\\d{2}")),
            Map.entry("RO", p("\\d{6}")),
            Map.entry("TR", p("\\d{5}")),
            Map.entry("ZA", p("\\d{4}")));

    private static final List<String> DISTINCTIVE = List.of("CA", "GB", "NL", "IE");
    private static final Pattern DISTINCTIVE_NUMERIC = p("\\d{5}-\\d{3}|\\d{2}-\\d{3}|\\d{5}-\\d{4}|\\d{4}-\\d{3}");
    private static final Pattern PREFIX = Pattern.compile("^(?:[A-Z]{1,3})-(?=\\d)");
    private static final Pattern LOOSE = Pattern.compile("(?=(?:.*\\d){2})[A-Z0-9](?:[A-Z0-9 -]{1,9})");
    private static final Set<String> COUNTRIES = BY_COUNTRY.keySet();

    private PostcodeValidator() {}

    private static Pattern p(String regex) {
        return Pattern.compile(regex);
    }

    /** The countries with a postcode pattern here. */
    public static Set<String> countries() {
        return COUNTRIES;
    }

    /** True if {@code candidate} is a postcode of {@code country} (ISO alpha-2); false for an unknown country. */
    public static boolean isValid(CharSequence candidate, String country) {
        if (candidate == null || country == null) {
            return false;
        }
        Pattern pattern = BY_COUNTRY.get(country.toUpperCase(Locale.ROOT));
        return pattern != null && pattern.matcher(normalize(candidate)).matches();
    }

    /** True for a format that only postcodes have (Canadian, British, Dutch, Irish, ZIP+4, Brazilian CEP, ...). */
    public static boolean isDistinctive(CharSequence candidate) {
        if (candidate == null) {
            return false;
        }
        String s = normalize(candidate);
        if (DISTINCTIVE_NUMERIC.matcher(s).matches()) {
            return true;
        }
        for (String c : DISTINCTIVE) {
            if (BY_COUNTRY.get(c).matcher(s).matches()) {
                return true;
            }
        }
        return false;
    }

    /** True if any country's pattern accepts it. */
    public static boolean isValidAnywhere(CharSequence candidate) {
        if (candidate == null) {
            return false;
        }
        String s = normalize(candidate);
        for (Pattern pattern : BY_COUNTRY.values()) {
            if (pattern.matcher(s).matches()) {
                return true;
            }
        }
        return false;
    }

    /** The shape of a postcode in any country: 2-10 letters, digits, spaces or dashes with at least two digits. */
    public static boolean hasPostcodeShape(CharSequence candidate) {
        return candidate != null && candidate.length() <= 12 && LOOSE.matcher(normalize(candidate)).matches();
    }

    private static String normalize(CharSequence candidate) {
        String s = candidate.toString().trim().toUpperCase(Locale.ROOT);
        return PREFIX.matcher(s).replaceFirst("");
    }
}
