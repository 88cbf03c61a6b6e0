package io.shadowfeed.privacy.pii.policy.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Maps what a row says about where a person lives to a {@link FakeCountry}: English and native country names
 * ({@code Germany}, {@code Deutschland}), ISO alpha-2 and alpha-3 codes ({@code DE}, {@code DEU}) and locale tags
 * ({@code de-DE}, {@code pt_BR}), case and accents ignored. Immutable; loaded once.
 */
public final class FakeCountries {

    static final String RESOURCE = "policy/fake-countries.json";
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private static final FakeCountries INSTANCE = load();

    private final List<FakeCountry> all;
    private final Map<String, FakeCountry> byKey;
    private final Map<String, FakeCountry> byIso;

    private FakeCountries(List<FakeCountry> all, Map<String, FakeCountry> byKey, Map<String, FakeCountry> byIso) {
        this.all = List.copyOf(all);
        this.byKey = Map.copyOf(byKey);
        this.byIso = Map.copyOf(byIso);
    }

    public static FakeCountries get() {
        return INSTANCE;
    }

    public List<FakeCountry> all() {
        return all;
    }

    /** By ISO alpha-2 code (any case). */
    public Optional<FakeCountry> byIso(String iso) {
        return Optional.ofNullable(iso == null ? null : byIso.get(iso.toUpperCase(Locale.ROOT)));
    }

    /** The country a name, code or locale tag stands for, if it is one this table knows. */
    public Optional<FakeCountry> find(String hint) {
        if (hint == null) {
            return Optional.empty();
        }
        String key = normalize(hint);
        if (key.isEmpty() || key.length() > 60) {
            return Optional.empty();
        }
        FakeCountry country = byKey.get(key);
        if (country != null) {
            return Optional.of(country);
        }
        // a locale tag: de-DE, pt_BR, en-us -> the region part
        int dash = key.lastIndexOf('-');
        if (dash > 0 && key.length() - dash - 1 == 2) {
            return byIso(key.substring(dash + 1));
        }
        return Optional.empty();
    }

    static String normalize(String text) {
        String stripped = MARKS.matcher(Normalizer.normalize(text.strip(), Normalizer.Form.NFD)).replaceAll("");
        StringBuilder out = new StringBuilder(stripped.length());
        boolean space = false;
        for (int i = 0; i < stripped.length(); i++) {
            char c = Character.toLowerCase(stripped.charAt(i));
            if (c == '.') {
                continue;
            }
            if (c == '_') {
                c = '-';
            }
            if (Character.isWhitespace(c)) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static FakeCountries load() {
        JsonNode root;
        try (InputStream in = FakeCountries.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new MissingResourceException("classpath resource " + RESOURCE + " is missing",
                        FakeCountries.class.getName(), RESOURCE);
            }
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath resource " + RESOURCE, e);
        }
        List<FakeCountry> all = new ArrayList<>();
        Map<String, FakeCountry> byKey = new HashMap<>();
        Map<String, FakeCountry> byIso = new HashMap<>();
        for (JsonNode node : root.path("countries")) {
            List<String> patterns = new ArrayList<>();
            node.path("postcode").forEach(p -> patterns.add(p.asText()));
            List<String> cities = new ArrayList<>();
            node.path("cities").forEach(c -> cities.add(c.asText()));
            FakeCountry country = new FakeCountry(node.path("iso").asText(), node.path("name").asText(),
                    Locale.forLanguageTag(node.path("locale").asText()), patterns,
                    Pattern.compile(node.path("postcodeRegex").asText()), node.path("iban").asBoolean(), cities);
            all.add(country);
            byIso.put(country.iso(), country);
            List<String> keys = new ArrayList<>(List.of(country.iso(), country.name(),
                    new Locale("", country.iso()).getISO3Country(),
                    new Locale("", country.iso()).getDisplayCountry(Locale.ENGLISH),
                    country.locale().getLanguage() + "-" + country.iso()));
            node.path("aliases").forEach(a -> keys.add(a.asText()));
            for (String key : keys) {
                FakeCountry previous = byKey.putIfAbsent(normalize(key), country);
                if (previous != null && previous != country) {
                    throw new IllegalStateException(RESOURCE + ": '" + key + "' names both " + previous.iso()
                            + " and " + country.iso());
                }
            }
        }
        return new FakeCountries(all, byKey, byIso);
    }
}
