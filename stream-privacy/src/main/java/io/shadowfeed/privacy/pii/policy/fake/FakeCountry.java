package io.shadowfeed.privacy.pii.policy.fake;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A country the fakes know: its datafaker locale, postcode shapes, phone region, IBAN use and optional city list.
 * Loaded from {@code policy/fake-countries.json}.
 *
 * @param iso ISO 3166-1 alpha-2 code, also the libphonenumber region and the IBAN country
 * @param name the English name written by {@code fake:country}
 * @param locale the datafaker locale for names, streets, cities and companies
 * @param postcodePatterns shapes to generate from ({@code #} digit, {@code %} digit 1-9, {@code [..]} class)
 * @param postcodeRegex what a valid postcode of the country matches
 * @param iban whether the country uses IBAN (otherwise a fake IBAN is of a random IBAN country)
 * @param cities cities to pick from where datafaker's locale has none of the country's own; empty: datafaker's
 */
public record FakeCountry(String iso, String name, Locale locale, List<String> postcodePatterns,
        Pattern postcodeRegex, boolean iban, List<String> cities) {

    public FakeCountry {
        Objects.requireNonNull(iso, "iso");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(locale, "locale");
        postcodePatterns = List.copyOf(postcodePatterns);
        Objects.requireNonNull(postcodeRegex, "postcodeRegex");
        cities = List.copyOf(cities);
        if (postcodePatterns.isEmpty()) {
            throw new IllegalArgumentException(iso + ": postcodePatterns must not be empty");
        }
    }

    /** The locale tag, such as {@code de-DE}. */
    public String localeTag() {
        return locale.toLanguageTag();
    }
}
