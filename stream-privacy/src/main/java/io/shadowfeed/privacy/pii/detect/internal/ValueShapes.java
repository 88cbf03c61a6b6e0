package io.shadowfeed.privacy.pii.detect.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Set;
import java.util.regex.Pattern;

/** Per-value checks of the column classifier for the types recognized by shape, dictionaries and libphonenumber. */
public final class ValueShapes {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Pattern PHONE_CHARS = Pattern.compile("[+]?[0-9 ()./\\-\u00A0]+(?:\\s*(?:x|ext\\.?)\\s*\\d{1,5})?");
    private static final Pattern TRUNK_ZERO = Pattern.compile("^(\\+\\d{1,3})[ \u00A0]*(?:\\(0\\)|0)[ \u00A0]*");
    private static final Pattern HOUSE_NUMBER = Pattern.compile("\\d{1,6}[A-Za-z]{0,3}\\.?|\\d{1,6}[/-]\\d{1,6}[A-Za-z]?");
    private static final Pattern LIST_SEPARATORS = Pattern.compile("\\s*(?:[,/&;+]|\\band\\b|\\bund\\b|\\by\\b|\\bet\\b|\\be\\b)\\s*");
    private static final Set<String> PARTICLES = Set.of("van", "von", "der", "den", "de", "del", "della", "di", "da",
            "dos", "das", "du", "la", "le", "ten", "ter", "bin", "al", "el", "zu", "y", "e", "do", "upon", "am", "an",
            "sur", "en", "im", "bei", "on", "the", "of", "jr", "jr.", "sr", "sr.");

    private ValueShapes() {}

    /**
     * A phone number valid in libphonenumber: with '+' in any region, otherwise in {@code region}. A value of bare
     * digits counts only when {@code bareDigitsAllowed} (the column name says phone). A national trunk "0" written
     * after the country code ("+49 0711 ...", "+54 (0)11 ...") is tolerated.
     */
    public static boolean isPhone(String v, String region, boolean bareDigitsAllowed) {
        int digits = Texts.countDigits(v);
        if (digits < 6 || digits > 17 || !PHONE_CHARS.matcher(v).matches()) {
            return false;
        }
        boolean plus = v.startsWith("+");
        if (!plus && !bareDigitsAllowed && digits == v.length()) {
            return false;
        }
        if (valid(v, plus ? "ZZ" : region)) {
            return true;
        }
        if (plus) {
            String stripped = TRUNK_ZERO.matcher(v).replaceFirst("$1 ");
            return !stripped.equals(v) && valid(stripped, "ZZ");
        }
        return false;
    }

    private static boolean valid(String v, String region) {
        if (region == null) {
            return false;
        }
        try {
            PhoneNumber n = PHONES.parse(v, region);
            return PHONES.isValidNumber(n);
        } catch (NumberParseException e) {
            return false;
        }
    }

    /** A house number and a street-type word or suffix ("Straße", "Ave", "Rua", "-veien", "C/"). */
    public static boolean isStrictStreetAddress(String v) {
        String[] tokens = v.split("[\\s,]+");
        boolean number = false;
        boolean street = false;
        for (String t : tokens) {
            if (t.isEmpty()) {
                continue;
            }
            if (HOUSE_NUMBER.matcher(t).matches()) {
                number = true;
                continue;
            }
            String f = Texts.fold(t);
            String word = f.endsWith(".") ? f.substring(0, f.length() - 1) : f;
            if (Dictionaries.streetWordsExtended().contains(word) || f.startsWith("c/")) {
                street = true;
                continue;
            }
            for (String suffix : Dictionaries.streetSuffixes()) {
                if (word.length() > suffix.length() + 2 && word.endsWith(suffix)) {
                    street = true;
                    break;
                }
            }
        }
        return number && street && Texts.hasLetter(v);
    }

    /** Digits and a word of two or more letters: the shape of any address line. */
    public static boolean isLooseStreetAddress(String v) {
        if (Texts.countDigits(v) == 0 || v.length() > 120) {
            return false;
        }
        for (String t : v.split("[\\s,]+")) {
            int letters = 0;
            for (int i = 0; i < t.length(); i++) {
                if (Character.isLetter(t.charAt(i))) {
                    letters++;
                }
            }
            if (letters >= 2) {
                return true;
            }
        }
        return false;
    }

    /** One to three capitalized words (with particles), no digits: a first name or a surname. */
    public static boolean isNameWord(String v) {
        String[] words = Texts.words(v);
        if (words.length == 0 || words.length > 3 || Texts.isCode(v) || Texts.countDigits(v) > 0) {
            return false;
        }
        return namePart(words, false);
    }

    /** Two to five words, the first a dictionary first name and the rest capitalized: "Jane Doe". */
    public static boolean isFullNameByDictionary(String v) {
        String[] words = Texts.words(v);
        if (words.length < 2 || words.length > 5 || Texts.countDigits(v) > 0) {
            return false;
        }
        return Dictionaries.textFirstNames().contains(Texts.fold(words[0])) && namePart(words, true)
                && !Dictionaries.companyWords().contains(Texts.fold(words[words.length - 1]));
    }

    /** One or more person names separated by ',', '/', '&' or "and": "Angus Young, Malcolm Young". */
    public static boolean isPersonNameList(String v) {
        if (Texts.countDigits(v) > 0 || v.length() > 300) {
            return false;
        }
        String[] parts = LIST_SEPARATORS.split(v.strip());
        int named = 0;
        for (String p : parts) {
            if (p.isBlank()) {
                continue;
            }
            String[] words = Texts.words(p);
            if (words.length > 5 || Texts.isCode(p) || !namePart(words, true)) {
                return false;
            }
            named++;
        }
        return named > 0;
    }

    private static boolean namePart(String[] words, boolean initialsAllowed) {
        boolean capital = false;
        for (String w : words) {
            String bare = w.endsWith(",") ? w.substring(0, w.length() - 1) : w;
            if (PARTICLES.contains(bare.toLowerCase(java.util.Locale.ROOT)) && !Character.isUpperCase(bare.charAt(0))) {
                continue;
            }
            if (initialsAllowed && bare.length() <= 4 && bare.endsWith(".") && Character.isUpperCase(bare.charAt(0))) {
                capital = true;
                continue;
            }
            if (!Texts.isCapitalizedWord(bare)) {
                return false;
            }
            capital = true;
        }
        return capital;
    }

    /** One to five capitalized words (particles such as "de", "upon", "am" allowed), no digits, not a code. */
    public static boolean isPlaceName(String v) {
        String t = v.strip();
        if (t.length() < 2 || t.length() > 60 || Texts.isCode(t) || Texts.countDigits(t) > 0) {
            return false;
        }
        String[] words = Texts.words(t.replace("-", " "));
        if (words.length == 0 || words.length > 5) {
            return false;
        }
        return namePart(words, true);
    }

    /** A legal-form suffix at the end ("Inc.", "GmbH", "S.A.", "Sp. z o.o.") or an organisation word anywhere. */
    public static boolean hasCompanyMarker(String v) {
        String key = Dictionaries.companyKey(v);
        for (String suffix : Dictionaries.companySuffixes()) {
            if (key.endsWith(" " + suffix) && key.length() > suffix.length() + 1) {
                return true;
            }
        }
        for (String w : Texts.words(key.replace("-", " "))) {
            if (Dictionaries.companyWords().contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** Text that could be an organisation's name: letters, at most twelve words, not a short code. */
    public static boolean isOrganisationShape(String v) {
        String t = v.strip();
        return t.length() >= 2 && t.length() <= 120 && Texts.hasLetter(t) && !Texts.isCode(t)
                && Texts.words(t).length <= 12;
    }
}
