package io.shadowfeed.privacy.pii.detect.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link Keywords} and {@link WordSet} against naive references on random texts built from keywords in mixed case,
 * accented and special chars (dotted capital I, Kelvin sign, sharp s), punctuation and digits.
 */
class KeywordsAndWordSetTest {

    private static final List<String> KEYWORDS = List.of("born", "birth", "birthday", "dob", "d.o.b", "d.o.b.",
            "geb.", "né", "née", "nacido", "nació", "urodził", "geb*", "tel", "tel.", "téléphone", "mob.", "ss#",
            "wi-fi", "kontakt", "istanbul", "ıd");
    private static final String[] PARTS = {"born", "BORN", "Birth", "birthday", "dob", "D.O.B.", "d.o.b", "geb.",
        "Geburt", "NÉ", "née", "Nacido", "NACIÓ", "urodził", "tel", "Tel.", "TÉLÉPHONE", "mob.", "ss#", "Wi-Fi",
        "\u212Aontakt", "\u0130stanbul", "ID", "ıd", " ", ".", "x", "1", "é", "\u212A", "ß", "-", "Anna", "JOSÉ",
        "zoë", "Zoe", "STRASSE", "Straße"};

    @Test
    void keywordsMatchANaiveScan() {
        Keywords keywords = new Keywords(KEYWORDS);
        Random random = new Random(20250101);
        for (int k = 0; k < 100_000; k++) {
            String text = randomText(random);
            assertThat(keywords.windows(text, 10, 5)).as(text).containsExactly(naiveWindows(text, 10, 5));
            int from = text.isEmpty() ? 0 : random.nextInt(text.length());
            int to = from + random.nextInt(text.length() - from + 1);
            assertThat(keywords.anyIn(text, from, to)).as("%s [%s, %s)", text, from, to)
                    .isEqualTo(naiveAnyIn(text, from, to));
        }
        assertThat(keywords.maxLength()).isEqualTo("téléphone".length());
    }

    @Test
    void wordSetsMatchFoldAndContains() {
        Set<String> folded = Set.of("anna", "jose", "strasse", "zoe", "istanbul");
        WordSet set = WordSet.folded(folded);
        WordSet exact = WordSet.exact(Set.of("Dr.", "Herr", "Sra."));
        Random random = new Random(7);
        for (int k = 0; k < 20_000; k++) {
            String text = randomText(random);
            for (int s = 0; s < text.length(); s++) {
                for (int e = s + 1; e <= Math.min(text.length(), s + 9); e++) {
                    String sub = text.substring(s, e);
                    assertThat(set.contains(text, s, e)).as(sub).isEqualTo(folded.contains(Texts.fold(sub)));
                }
            }
        }
        assertThat(exact.contains("Dr.")).isTrue();
        assertThat(exact.contains("dr.")).isFalse();
        assertThat(exact.contains("xHerr", 1, 5)).isTrue();
        assertThat(WordSet.folded(Set.of()).contains("a")).isFalse();
    }

    private static String randomText(Random random) {
        StringBuilder b = new StringBuilder();
        int m = random.nextInt(8);
        for (int i = 0; i < m; i++) {
            b.append(PARTS[random.nextInt(PARTS.length)]);
        }
        return b.toString();
    }

    /** The keyword at a word start i, longest first; a prefix keyword ("geb*") needs no word end. */
    private static int naiveMatch(String text, int i, int limit) {
        if (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1))) {
            return 0;
        }
        List<String> sorted = new ArrayList<>();
        for (String k : KEYWORDS) {
            sorted.add(k.toLowerCase(Locale.ROOT));
        }
        sorted.sort((a, b) -> stem(b).length() - stem(a).length());
        char first = Character.toLowerCase(text.charAt(i));
        for (String k : sorted) {
            String w = stem(k);
            if (w.charAt(0) != first || i + w.length() > limit
                    || !text.regionMatches(true, i, w, 0, w.length())) {
                continue;
            }
            int end = i + w.length();
            if (k.endsWith("*") || end == text.length() || !Character.isLetter(text.charAt(end))) {
                return w.length();
            }
        }
        return 0;
    }

    private static String stem(String k) {
        return k.endsWith("*") ? k.substring(0, k.length() - 1) : k;
    }

    private static boolean naiveAnyIn(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (naiveMatch(text, i, to) > 0) {
                return true;
            }
        }
        return false;
    }

    private static int[] naiveWindows(String text, int before, int after) {
        int n = text.length();
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int len = naiveMatch(text, i, n);
            if (len == 0) {
                continue;
            }
            int s = Math.max(0, i - before);
            while (s > 0 && !Texts.isWhitespace(text.charAt(s - 1)) && i - s < before + 64) {
                s--;
            }
            int e = Math.min(n, i + len + after);
            while (e < n && !Texts.isWhitespace(text.charAt(e)) && e - i < len + after + 64) {
                e++;
            }
            if (!out.isEmpty() && s <= out.get(out.size() - 1)[1]) {
                out.get(out.size() - 1)[1] = Math.max(out.get(out.size() - 1)[1], e);
            } else {
                out.add(new int[] {s, e});
            }
            i += len - 1;
        }
        return out.stream().flatMapToInt(Arrays::stream).toArray();
    }
}
