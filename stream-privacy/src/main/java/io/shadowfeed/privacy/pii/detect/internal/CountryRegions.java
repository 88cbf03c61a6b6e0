package io.shadowfeed.privacy.pii.detect.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Set;

/**
 * Maps how a country is written in a record ("Germany", "Deutschland", "DE", "DEU", "USA", "United Kingdom",
 * "Czech Republic", "Brasil") to its ISO 3166 alpha-2 region, as libphonenumber and the postcode table use them. Built
 * once from the JDK's locale data (names in English and ten other languages) plus common aliases.
 */
public final class CountryRegions {

    private static final Map<String, String> BY_NAME = build();

    private CountryRegions() {}

    /** The alpha-2 region for a written country, or null. */
    public static String regionOf(String country) {
        if (country == null) {
            return null;
        }
        String key = Texts.fold(country.strip()).replace(".", "");
        return key.isEmpty() ? null : BY_NAME.get(key);
    }

    /** True if the column-name tokens say "country". */
    public static boolean isCountryColumn(List<String> tokens) {
        for (String t : tokens) {
            if (COUNTRY_TOKENS.contains(t)) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> COUNTRY_TOKENS = Set.of("country", "countrycode", "land", "pais", "pays",
            "paese", "nation", "ctry", "cntry", "kraj", "maa", "landskod");

    private static Map<String, String> build() {
        Map<String, String> m = new HashMap<>();
        List<Locale> languages = List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH, Locale.ITALIAN,
                Locale.forLanguageTag("es"), Locale.forLanguageTag("pt"), Locale.forLanguageTag("nl"),
                Locale.forLanguageTag("pl"), Locale.forLanguageTag("sv"), Locale.forLanguageTag("da"),
                Locale.forLanguageTag("nb"));
        for (String iso2 : Locale.getISOCountries()) {
            Locale country = new Locale("", iso2);
            m.put(iso2.toLowerCase(Locale.ROOT), iso2);
            try {
                m.put(country.getISO3Country().toLowerCase(Locale.ROOT), iso2);
            } catch (MissingResourceException e) {
                // no alpha-3 code for this region in the JDK data: the alpha-2 code and names still map
            }
            for (Locale language : languages) {
                String name = country.getDisplayCountry(language);
                if (!name.isEmpty() && !name.equals(iso2)) {
                    m.putIfAbsent(Texts.fold(name).replace(".", ""), iso2);
                }
            }
        }
        String[][] aliases = {
            {"usa", "US"}, {"united states of america", "US"}, {"america", "US"}, {"us", "US"}, {"u s a", "US"},
            {"uk", "GB"}, {"great britain", "GB"}, {"britain", "GB"}, {"england", "GB"}, {"scotland", "GB"},
            {"wales", "GB"}, {"northern ireland", "GB"}, {"czech republic", "CZ"}, {"czechia", "CZ"},
            {"holland", "NL"}, {"the netherlands", "NL"}, {"deutschland", "DE"}, {"brasil", "BR"},
            {"espana", "ES"}, {"italia", "IT"}, {"polska", "PL"}, {"osterreich", "AT"}, {"schweiz", "CH"},
            {"suisse", "CH"}, {"svizzera", "CH"}, {"sverige", "SE"}, {"norge", "NO"}, {"danmark", "DK"},
            {"suomi", "FI"}, {"magyarorszag", "HU"}, {"eire", "IE"}, {"russia", "RU"}, {"south korea", "KR"},
            {"korea", "KR"}, {"vietnam", "VN"}, {"ivory coast", "CI"}, {"turkey", "TR"}, {"uae", "AE"},
            {"republic of ireland", "IE"}, {"mexico", "MX"}, {"belgie", "BE"}, {"belgique", "BE"}};
        for (String[] a : aliases) {
            m.put(a[0], a[1]);
        }
        return Map.copyOf(m);
    }
}
