package io.shadowfeed.privacy.pii.detect.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The dictionaries under {@code src/main/resources/pii/}, loaded once on first use and immutable afterwards. Words are
 * stored folded ({@link Texts#fold}); look them up folded.
 */
public final class Dictionaries {

    private Dictionaries() {}

    /** First names from datafaker's locales (about 27k). */
    public static Set<String> firstNames() {
        return Holder.FIRST;
    }

    /** Surnames from datafaker's locales (about 36k). */
    public static Set<String> lastNames() {
        return Holder.LAST;
    }

    /** City names: datafaker's literal city lists plus a hand-made list of large cities. */
    public static Set<String> cities() {
        return Holder.CITIES;
    }

    /** Common words that are never a name in free text. */
    public static Set<String> nameStopwords() {
        return Holder.STOP;
    }

    /** First names that may start a name in free text: {@link #firstNames()} less {@link #nameStopwords()}. */
    public static Set<String> textFirstNames() {
        return Holder.TEXT_FIRST;
    }

    /** Honorifics as written (case-sensitive). */
    public static Set<String> honorifics() {
        return Holder.HONORIFICS;
    }

    /** Whole-token street-type words (folded, without trailing period). */
    public static Set<String> streetWords() {
        return Holder.STREET_WORDS;
    }

    /** {@link #streetWords()} plus the USPS street suffixes (Row, Mills, Crossing, ...), for address columns. */
    public static Set<String> streetWordsExtended() {
        return Holder.STREET_WORDS_EXTENDED;
    }

    /** Token endings that make a street name ("straße", "veien", "katu"), folded. */
    public static List<String> streetSuffixes() {
        return Holder.STREET_SUFFIXES;
    }

    /** Legal-form suffixes as folded token sequences without punctuation ("sp z oo"). */
    public static List<String> companySuffixes() {
        return Holder.COMPANY_SUFFIXES;
    }

    /** Organisation words that count anywhere in a name (folded). */
    public static Set<String> companyWords() {
        return Holder.COMPANY_WORDS;
    }

    /** Lines of a resource under {@code /pii/}, without comments and blank lines. */
    public static List<String> lines(String resource) {
        String path = "/pii/" + resource;
        List<String> out = new ArrayList<>();
        try (InputStream in = Dictionaries.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + path
                        + ": the stream-privacy jar is incomplete");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    out.add(t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read classpath resource " + path, e);
        }
        return out;
    }

    private static Set<String> folded(List<String> lines) {
        Set<String> out = new HashSet<>(lines.size() * 2);
        for (String l : lines) {
            out.add(Texts.fold(l));
        }
        return Set.copyOf(out);
    }

    private static final class Holder {
        static final Set<String> FIRST = folded(lines("first-names.txt"));
        static final Set<String> LAST = folded(lines("last-names.txt"));
        static final Set<String> CITIES;
        static final Set<String> STOP = folded(lines("name-stopwords.txt"));
        static final Set<String> TEXT_FIRST;
        static final Set<String> HONORIFICS = Set.copyOf(lines("honorifics.txt"));
        static final Set<String> STREET_WORDS;
        static final Set<String> STREET_WORDS_EXTENDED;
        static final List<String> STREET_SUFFIXES;
        static final List<String> COMPANY_SUFFIXES;
        static final Set<String> COMPANY_WORDS;

        static {
            List<String> cities = new ArrayList<>(lines("cities.txt"));
            cities.addAll(lines("world-cities.txt"));
            CITIES = folded(cities);
            Set<String> textFirst = new HashSet<>(FIRST);
            textFirst.removeAll(STOP);
            textFirst.removeIf(s -> s.length() < 2);
            TEXT_FIRST = Set.copyOf(textFirst);
            Set<String> words = new HashSet<>();
            List<String> suffixes = new ArrayList<>();
            for (String l : lines("street-types.txt")) {
                if (l.startsWith("-")) {
                    suffixes.add(stripDot(Texts.fold(l.substring(1))));
                } else {
                    words.add(stripDot(Texts.fold(l)));
                }
            }
            STREET_WORDS = Set.copyOf(words);
            Set<String> extended = new HashSet<>(words);
            extended.addAll(folded(lines("street-suffixes-us.txt")));
            STREET_WORDS_EXTENDED = Set.copyOf(extended);
            STREET_SUFFIXES = List.copyOf(suffixes);
            List<String> legal = new ArrayList<>();
            Set<String> orgWords = new HashSet<>();
            for (String l : lines("company-suffixes.txt")) {
                if (l.startsWith("*")) {
                    orgWords.add(Texts.fold(l.substring(1)));
                } else {
                    legal.add(companyKey(l));
                }
            }
            COMPANY_SUFFIXES = List.copyOf(legal);
            COMPANY_WORDS = Set.copyOf(orgWords);
        }
    }

    private static String stripDot(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** Folded, periods and commas removed, '&' kept, single spaces: "S.A. de C.V." -> "sa de cv". */
    public static String companyKey(String s) {
        String f = Texts.fold(s).replace(".", "").replace(",", " ");
        return String.join(" ", Texts.words(f));
    }
}
