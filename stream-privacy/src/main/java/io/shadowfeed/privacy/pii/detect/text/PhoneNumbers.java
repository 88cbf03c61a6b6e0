package io.shadowfeed.privacy.pii.detect.text;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.NumberFormat;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.MetadataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phone number validation for candidates given as their ASCII digits: the part of libphonenumber's {@code parse},
 * {@code isValidNumber} and {@code findNumbers}' VALID leniency that such input needs, on libphonenumber's own
 * metadata, with the metadata's regular expressions compiled here once per region and kept.
 *
 * <p>Why: libphonenumber compiles metadata patterns through an LRU cache of 100 entries; validating numbers from a
 * dozen countries (or one "+1" number, which is tried against the 25 NANPA regions) needs more than that, so the cache
 * thrashes and most calls recompile patterns (15-50 us a call instead of about 1 us). Its {@code parse} also runs large
 * regular expressions to clean up free-form input, which the caller's scan has already done.
 *
 * <p>What is ported, step for step: country code extraction after '+' or the region's international dialing prefix,
 * a leading country code without '+', national prefix (and carrier code) stripping with the prefix-for-parsing
 * pattern and transform rule, the length tests, the number-type test that decides validity, the choice of a region
 * among those sharing a country code, and the VALID leniency's "national prefix present if the format requires it".
 * {@code PhoneNumbersTest} checks the result against {@code findNumbers} on example numbers of every region, and on
 * variants of them. Immutable and thread-safe; regions load lazily.
 */
final class PhoneNumbers {

    static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private static final MetadataSource METADATA =
            DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();
    private static final ConcurrentMap<String, Region> REGIONS = new ConcurrentHashMap<>();
    private static final ConcurrentMap<Integer, Region> NON_GEO = new ConcurrentHashMap<>();
    private static final Region MISSING = new Region();
    private static final Pattern FIRST_GROUP_ONLY = Pattern.compile("\\(?\\$1\\)?");
    private static final int MIN_NSN = 2;
    private static final int MAX_NSN = 17;

    private PhoneNumbers() {}

    /** The region {@code code} (ISO alpha-2, upper case), or null if libphonenumber has no metadata for it. */
    static Region region(String code) {
        if (code == null) {
            return null;
        }
        Region r = REGIONS.computeIfAbsent(code, c -> {
            if (!UTIL.getSupportedRegions().contains(c)) {
                return MISSING;
            }
            PhoneMetadata md = METADATA.getMetadataForRegion(c);
            return md == null ? MISSING : new Region(c, md);
        });
        return r == MISSING ? null : r;
    }

    private static Region nonGeographic(int countryCode) {
        Region r = NON_GEO.computeIfAbsent(countryCode, cc -> {
            PhoneMetadata md = METADATA.getMetadataForNonGeographicalRegion(cc);
            return md == null ? MISSING : new Region("001", md);
        });
        return r == MISSING ? null : r;
    }

    /** The metadata libphonenumber uses for numbers with this country code: its main region's, or non-geographic. */
    private static Region forCountryCode(int countryCode) {
        String main = UTIL.getRegionCodeForCountryCode(countryCode);
        if ("ZZ".equals(main)) {
            return null;
        }
        return "001".equals(main) ? nonGeographic(countryCode) : region(main);
    }

    /** True if {@code digits} (ASCII digits only, written after a '+') are a valid number. */
    static boolean isValidInternational(String digits) {
        return validWithCountryCode(digits);
    }

    /**
     * True if {@code digits} (ASCII digits only, written without '+') are a valid number when dialled in
     * {@code region}, as {@code findNumbers} with leniency VALID would accept them: after an international dialing
     * prefix, with a leading country code, or in national format, and then with the national prefix where the
     * number's national format requires one (a German "30 125080" is not accepted, "030 125080" is).
     */
    static boolean isValidNational(String digits, Region region) {
        int n = digits.length();
        if (n < MIN_NSN) {
            return false;
        }
        // international dialing prefix ("00 44 ...", "011 44 ..."), unless a 0 follows it
        if (region.idd != null) {
            Matcher m = region.idd.matcher(digits);
            if (m.lookingAt() && m.end() < n && digits.charAt(m.end()) != '0') {
                return validWithCountryCode(digits.substring(m.end()));
            }
        }
        String national = digits;
        boolean fromDefaultCountry = true;
        String ccDigits = region.countryCodeDigits;
        if (digits.startsWith(ccDigits)) {
            // a leading country code without '+': "49 30 1234567" dialled in DE
            String potential = digits.substring(ccDigits.length());
            String stripped = region.stripNationalPrefix(potential);
            if (stripped != null) {
                potential = stripped;
            }
            if ((!region.general.patternMatches(digits) && region.general.patternMatches(potential))
                    || region.testLength(digits) == Length.TOO_LONG) {
                national = potential;
                fromDefaultCountry = false;
            }
        }
        // after a leading country code libphonenumber strips with the metadata of the code's main region
        Region meta = fromDefaultCountry ? region : forCountryCode(region.countryCode);
        String nsn = stripIfLengthAllows(national, meta == null ? region : meta);
        if (nsn.length() < MIN_NSN || nsn.length() > MAX_NSN) {
            return false;
        }
        if (!isValid(region.countryCode, nsn)) {
            return false;
        }
        return !fromDefaultCountry || nationalPrefixPresentIfRequired(digits, region.countryCode, nsn);
    }

    private static boolean validWithCountryCode(String digits) {
        int n = digits.length();
        if (n == 0 || digits.charAt(0) == '0') {
            return false;
        }
        for (int len = 1; len <= 3 && len <= n; len++) {
            int cc = Integer.parseInt(digits, 0, len, 10);
            if (UTIL.getRegionCodesForCountryCode(cc).isEmpty()) {
                continue;
            }
            if (n <= MIN_NSN) {
                return false;
            }
            Region meta = forCountryCode(cc);
            if (meta == null) {
                return false;
            }
            String nsn = stripIfLengthAllows(digits.substring(len), meta);
            return nsn.length() >= MIN_NSN && nsn.length() <= MAX_NSN && isValid(cc, nsn);
        }
        return false;
    }

    /** The national prefix stripped, unless what is left is too short, of an invalid length or only locally dialable. */
    private static String stripIfLengthAllows(String number, Region meta) {
        String stripped = meta.stripNationalPrefix(number);
        if (stripped == null) {
            return number;
        }
        Length l = meta.testLength(stripped);
        return l == Length.TOO_SHORT || l == Length.LOCAL_ONLY || l == Length.INVALID ? number : stripped;
    }

    /** As {@code isValidNumber}: the region for the number among those of its country code, then its type test. */
    private static boolean isValid(int countryCode, String nsn) {
        List<String> regions = UTIL.getRegionCodesForCountryCode(countryCode);
        if (regions.isEmpty()) {
            return false;
        }
        if (regions.size() == 1) {
            String only = regions.get(0);
            Region meta = "001".equals(only) ? nonGeographic(countryCode) : region(only);
            return meta != null && meta.countryCode == countryCode && meta.hasKnownType(nsn);
        }
        for (String code : regions) {
            Region meta = region(code);
            if (meta == null) {
                continue;
            }
            if (meta.leadingDigits != null) {
                if (meta.leadingDigits.matcher(nsn).lookingAt()) {
                    return meta.hasKnownType(nsn);
                }
            } else if (meta.hasKnownType(nsn)) {
                return true;
            }
        }
        return false;
    }

    /**
     * As the VALID leniency: when the national format chosen for the number has a national prefix formatting rule
     * that is neither optional nor only brackets around the first group, the digits as written must carry the prefix.
     */
    private static boolean nationalPrefixPresentIfRequired(String digits, int countryCode, String nsn) {
        String mainCode = UTIL.getRegionCodeForCountryCode(countryCode);
        Region main = "001".equals(mainCode) ? null : region(mainCode);
        if (main == null) {
            return true;
        }
        Format f = main.formatFor(nsn);
        if (f == null || f.prefixRule.isEmpty() || f.prefixOptional
                || FIRST_GROUP_ONLY.matcher(f.prefixRule).matches()) {
            return true;
        }
        return main.stripNationalPrefix(digits) != null;
    }

    /** Results of libphonenumber's length test. */
    private enum Length {
        POSSIBLE,
        LOCAL_ONLY,
        TOO_SHORT,
        TOO_LONG,
        INVALID
    }

    /** A number description: possible lengths and the national number pattern, compiled. */
    private static final class Desc {
        private final int[] lengths;
        private final Pattern pattern;

        Desc(PhoneNumberDesc d) {
            List<Integer> ls = d.getPossibleLengthList();
            this.lengths = ls.stream().mapToInt(Integer::intValue).toArray();
            String p = d.getNationalNumberPattern();
            this.pattern = p == null || p.isEmpty() ? null : Pattern.compile(p);
        }

        /** {@code isNumberMatchingDesc}: a possible length (if any are listed), then the pattern. */
        boolean matches(String nsn) {
            if (lengths.length > 0 && !contains(lengths, nsn.length())) {
                return false;
            }
            return patternMatches(nsn);
        }

        /** {@code matchNationalNumber}: the pattern only. */
        boolean patternMatches(CharSequence nsn) {
            return pattern != null && pattern.matcher(nsn).matches();
        }
    }

    /** A national format: its last leading-digits pattern, its pattern and its national prefix rule. */
    private record Format(Pattern leading, Pattern pattern, String prefixRule, boolean prefixOptional) {}

    /** One region's (or non-geographic entity's) metadata with its patterns compiled. */
    static final class Region {
        private final String code;
        private final int countryCode;
        private final String countryCodeDigits;
        private final String trunk;
        private final Pattern idd;
        private final Pattern prefixForParsing;
        private final String transformRule;
        private final Pattern leadingDigits;
        private final Desc general;
        /** Premium rate, toll free, shared cost, VoIP, personal, pager, UAN, voicemail, fixed line, mobile. */
        private final Desc[] types;
        private final int[] generalLengths;
        private final int[] localOnlyLengths;
        private final List<Format> formats;

        private Region() {
            code = "ZZ";
            countryCode = 0;
            countryCodeDigits = "";
            trunk = "";
            idd = null;
            prefixForParsing = null;
            transformRule = "";
            leadingDigits = null;
            general = null;
            types = new Desc[0];
            generalLengths = new int[0];
            localOnlyLengths = new int[0];
            formats = List.of();
        }

        private Region(String code, PhoneMetadata md) {
            this.code = code;
            this.countryCode = md.getCountryCode();
            this.countryCodeDigits = Integer.toString(countryCode);
            this.trunk = md.getNationalPrefix() == null ? "" : md.getNationalPrefix();
            this.idd = compileOrNull(md.getInternationalPrefix());
            this.prefixForParsing = compileOrNull(md.getNationalPrefixForParsing());
            this.transformRule = md.getNationalPrefixTransformRule() == null ? ""
                    : md.getNationalPrefixTransformRule();
            this.leadingDigits = compileOrNull(md.getLeadingDigits());
            this.general = new Desc(md.getGeneralDesc());
            List<Desc> ts = new ArrayList<>();
            for (PhoneNumberDesc d : List.of(md.getPremiumRate(), md.getTollFree(), md.getSharedCost(), md.getVoip(),
                    md.getPersonalNumber(), md.getPager(), md.getUan(), md.getVoicemail(), md.getFixedLine())) {
                ts.add(new Desc(d));
            }
            if (!md.getSameMobileAndFixedLinePattern()) {
                ts.add(new Desc(md.getMobile()));
            }
            this.types = ts.toArray(new Desc[0]);
            this.generalLengths = md.getGeneralDesc().getPossibleLengthList().stream().mapToInt(Integer::intValue)
                    .toArray();
            this.localOnlyLengths = md.getGeneralDesc().getPossibleLengthLocalOnlyList().stream()
                    .mapToInt(Integer::intValue).toArray();
            List<Format> fs = new ArrayList<>();
            for (NumberFormat f : md.getNumberFormatList()) {
                int k = f.getLeadingDigitsPatternCount();
                fs.add(new Format(k == 0 ? null : Pattern.compile(f.getLeadingDigitsPattern(k - 1)),
                        Pattern.compile(f.getPattern()), f.getNationalPrefixFormattingRule(),
                        f.getNationalPrefixOptionalWhenFormatting()));
            }
            this.formats = List.copyOf(fs);
        }

        private static Pattern compileOrNull(String regex) {
            return regex == null || regex.isEmpty() ? null : Pattern.compile(regex);
        }

        String code() {
            return code;
        }

        int countryCode() {
            return countryCode;
        }

        /** True if the region's national prefix is "0" (national numbers are written with a leading 0). */
        boolean trunkIsZero() {
            return trunk.equals("0");
        }

        /** {@code getNumberTypeHelper(...) != UNKNOWN}. */
        boolean hasKnownType(String nsn) {
            if (!general.matches(nsn)) {
                return false;
            }
            for (Desc d : types) {
                if (d.matches(nsn)) {
                    return true;
                }
            }
            return false;
        }

        /** {@code testNumberLength} for type UNKNOWN. */
        private Length testLength(String number) {
            int[] possible = generalLengths;
            if (possible.length == 0 || possible[0] == -1) {
                return Length.INVALID;
            }
            int actual = number.length();
            if (contains(localOnlyLengths, actual)) {
                return Length.LOCAL_ONLY;
            }
            int min = possible[0];
            if (min == actual) {
                return Length.POSSIBLE;
            }
            if (min > actual) {
                return Length.TOO_SHORT;
            }
            if (possible[possible.length - 1] < actual) {
                return Length.TOO_LONG;
            }
            for (int i = 1; i < possible.length; i++) {
                if (possible[i] == actual) {
                    return Length.POSSIBLE;
                }
            }
            return Length.INVALID;
        }

        /**
         * {@code maybeStripNationalPrefixAndCarrierCode}: the number without its national prefix (and carrier code),
         * or with the transform rule applied; null when nothing is stripped.
         */
        private String stripNationalPrefix(String number) {
            if (number.isEmpty() || prefixForParsing == null) {
                return null;
            }
            Matcher m = prefixForParsing.matcher(number);
            if (!m.lookingAt()) {
                return null;
            }
            boolean viableOriginal = general.patternMatches(number);
            int groups = m.groupCount();
            if (transformRule.isEmpty() || m.group(groups) == null) {
                String rest = number.substring(m.end());
                if (viableOriginal && !general.patternMatches(rest)) {
                    return null;
                }
                return rest;
            }
            String transformed = m.replaceFirst(transformRule);
            if (viableOriginal && !general.patternMatches(transformed)) {
                return null;
            }
            return transformed;
        }

        /** {@code chooseFormattingPatternForNumber}. */
        private Format formatFor(String nsn) {
            for (Format f : formats) {
                if ((f.leading() == null || f.leading().matcher(nsn).lookingAt())
                        && f.pattern().matcher(nsn).matches()) {
                    return f;
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return "Region[" + code + ", +" + countryCode + "]";
        }
    }

    private static boolean contains(int[] values, int v) {
        for (int x : values) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }
}
