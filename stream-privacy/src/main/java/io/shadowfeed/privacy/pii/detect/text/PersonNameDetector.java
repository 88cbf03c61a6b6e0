package io.shadowfeed.privacy.pii.detect.text;

import io.shadowfeed.privacy.pii.PiiType;
import io.shadowfeed.privacy.pii.detect.DetectPreconditions;
import io.shadowfeed.privacy.pii.detect.Span;
import io.shadowfeed.privacy.pii.detect.TextContext;
import io.shadowfeed.privacy.pii.detect.TextDetector;
import io.shadowfeed.privacy.pii.detect.internal.Dictionaries;
import io.shadowfeed.privacy.pii.detect.internal.Texts;
import io.shadowfeed.privacy.pii.detect.internal.WordSet;
import java.util.List;
import java.util.Set;

/**
 * Person names in free text without a language model: a dictionary first name (datafaker's names in many locales,
 * less common words such as "May" or "Hope") followed by a capitalized word, or an honorific (Mr, Mrs, Ms, Dr, Herr,
 * Frau, Sr., Sra., M., Mme, ...) followed by a capitalized word. The span covers the name (up to four words, with
 * initials such as "F." and particles such as "van der" inside) and not the honorific. Words that name streets or
 * organisations ("Street", "GmbH") end a name.
 */
public final class PersonNameDetector implements TextDetector {

    private static final Set<String> PARTICLES = Set.of("van", "von", "der", "den", "de", "del", "della", "di", "da",
            "dos", "das", "du", "la", "le", "ten", "ter", "bin", "al", "el", "zu", "y");
    private static final int MAX_WORDS = 4;

    private final String name;
    private final double firstNameScore;
    private final double knownSurnameScore;
    private final double honorificScore;
    private final Set<String> firstNames = Dictionaries.textFirstNames();
    private final Set<String> lastNames = Dictionaries.lastNames();
    private final Set<String> stopwords = Dictionaries.nameStopwords();
    private final Set<String> honorifics = Dictionaries.honorifics();
    private final Set<String> streetWords = Dictionaries.streetWords();
    private final Set<String> companyWords = Dictionaries.companyWords();

    /** Longest honorific (with its period) and longest first name or honorific: longer words are neither. */
    private final int maxHonorificLength;
    private final int maxWordLength;

    private PersonNameDetector(Builder b) {
        int h = 0;
        for (String s : honorifics) {
            h = Math.max(h, s.length());
        }
        int f = 0;
        for (String s : firstNames) {
            f = Math.max(f, s.length());
        }
        this.maxHonorificLength = h;
        // folding may turn one char into two ("ß" -> "ss"), so allow for it
        this.maxWordLength = Math.max(h, 2 * f);
        this.name = b.name;
        this.firstNameScore = b.firstNameScore;
        this.knownSurnameScore = b.knownSurnameScore;
        this.honorificScore = b.honorificScore;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<PiiType> types() {
        return Set.of(PiiType.PERSON_NAME);
    }

    @Override
    public void detect(TextContext ctx, List<Span> out) {
        String text = ctx.text();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            boolean upper = c < 128 ? c >= 'A' && c <= 'Z' : Character.isUpperCase(c);
            if (!upper || (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1)))) {
                i++;
                continue;
            }
            int we = wordEnd(text, i);
            if (we - i > maxWordLength) {
                i = we; // longer than any honorific or first name
                continue;
            }
            int next = we;
            boolean honorific = false;
            if (we - i <= maxHonorificLength) {
                if (we < n && text.charAt(we) == '.' && Lookup.HONORIFICS.contains(text, i, we + 1)) {
                    honorific = true;
                    next = we + 1;
                } else if (Lookup.HONORIFICS.contains(text, i, we)) {
                    honorific = true;
                }
            }
            if (honorific) {
                int end = collectName(text, next, MAX_WORDS, true);
                int start = skipSpaces(text, next);
                if (end > start) {
                    out.add(new Span(start, end, PiiType.PERSON_NAME, honorificScore));
                    i = end;
                    continue;
                }
            } else if (we - i >= 2 && Lookup.FIRST.contains(text, i, we)) { // textFirstNames has no stopwords
                int end = collectName(text, we, MAX_WORDS - 1, false);
                if (end > we) {
                    int lastStart = lastWordStart(text, end);
                    boolean knownSurname = Lookup.LAST.contains(text, lastStart,
                            trimPossessiveEnd(text, lastStart, end));
                    out.add(new Span(i, trimPossessiveEnd(text, i, end), PiiType.PERSON_NAME,
                            knownSurname ? knownSurnameScore : firstNameScore));
                    i = end;
                    continue;
                }
            }
            i = we;
        }
    }

    /**
     * Reads up to {@code maxWords} name words after {@code from} (separated by single spaces); returns the end of the
     * last one, or {@code from} if none. Without an honorific the first word must be a capitalized word, not an
     * initial.
     */
    private int collectName(String text, int from, int maxWords, boolean afterHonorific) {
        int n = text.length();
        int end = from;
        int words = 0;
        int pos = from;
        boolean needCapital = true;
        while (words < maxWords) {
            int s = skipSpaces(text, pos);
            if (s == pos || s >= n || s - pos > 2) {
                break;
            }
            int we = wordEnd(text, s);
            if (we == s) {
                break;
            }
            String w = text.substring(s, we);
            if (PARTICLES.contains(w) && words + 1 < maxWords) {
                int s2 = skipSpaces(text, we);
                if (s2 > we && s2 < n && Character.isUpperCase(text.charAt(s2))) {
                    pos = we;
                    continue;
                }
                break;
            }
            if (!Character.isUpperCase(w.charAt(0))) {
                break;
            }
            boolean initial = w.length() == 1 && we < n && text.charAt(we) == '.';
            if (initial) {
                if (needCapital && !afterHonorific) {
                    break;
                }
                pos = we + 1;
                end = pos;
                words++;
                continue;
            }
            if (w.length() < 2 || isSurnameStop(w) || !Texts.isCapitalizedWord(w)) {
                break;
            }
            String f = Texts.fold(w);
            if (streetWords.contains(f) || companyWords.contains(f)) {
                return words == 0 ? from : end;
            }
            needCapital = false;
            end = we;
            pos = we;
            words++;
        }
        if (words == 0 || needCapital) {
            return from;
        }
        return end;
    }

    /** After a first name, a stopword ends the name unless it is also a surname ("Price", "King", "Rose"). */
    private boolean isSurnameStop(String word) {
        String f = Texts.fold(word);
        return stopwords.contains(f) && !lastNames.contains(f);
    }

    private static int skipSpaces(String text, int pos) {
        int p = pos;
        while (p < text.length() && (text.charAt(p) == ' ' || text.charAt(p) == '\u00A0')) {
            p++;
        }
        return p;
    }

    /** End of a word: letters, and ' ’ - between letters. */
    private static int wordEnd(String text, int start) {
        int n = text.length();
        int p = start;
        while (p < n) {
            char c = text.charAt(p);
            if (Character.isLetter(c)) {
                p++;
            } else if ((c == '\'' || c == '’' || c == '-') && p + 1 < n && Character.isLetter(text.charAt(p + 1))
                    && p > start) {
                p++;
            } else {
                break;
            }
        }
        return p;
    }

    private static int lastWordStart(String text, int end) {
        int p = end;
        while (p > 0 && !Texts.isWhitespace(text.charAt(p - 1))) {
            p--;
        }
        return p;
    }

    /** "Smith's" -> "Smith". */
    private static int trimPossessiveEnd(String text, int s, int e) {
        if (e - s > 3 && (text.charAt(e - 1) == 's' || text.charAt(e - 1) == 'S')
                && (text.charAt(e - 2) == '\'' || text.charAt(e - 2) == '’')) {
            return e - 2;
        }
        return e;
    }

    /** The dictionaries as {@link WordSet}s, built once. */
    private static final class Lookup {
        static final WordSet FIRST = WordSet.folded(Dictionaries.textFirstNames());
        static final WordSet LAST = WordSet.folded(Dictionaries.lastNames());
        static final WordSet HONORIFICS = WordSet.exact(Dictionaries.honorifics());
    }

    /** Builds a {@link PersonNameDetector}. */
    public static final class Builder {
        private String name = "person-name";
        private double firstNameScore = 0.6;
        private double knownSurnameScore = 0.75;
        private double honorificScore = 0.85;

        private Builder() {}

        public Builder optName(String detectorName) {
            this.name = DetectPreconditions.checkNotBlank(detectorName, "name");
            return this;
        }

        /** Score of "first name + capitalized word"; default 0.6. */
        public Builder optFirstNameScore(double s) {
            this.firstNameScore = DetectPreconditions.checkScore(s, "firstNameScore");
            return this;
        }

        /** Score when the last word is also a dictionary surname; default 0.75. */
        public Builder optKnownSurnameScore(double s) {
            this.knownSurnameScore = DetectPreconditions.checkScore(s, "knownSurnameScore");
            return this;
        }

        /** Score of "honorific + capitalized word"; default 0.85. */
        public Builder optHonorificScore(double s) {
            this.honorificScore = DetectPreconditions.checkScore(s, "honorificScore");
            return this;
        }

        public PersonNameDetector build() {
            return new PersonNameDetector(this);
        }
    }
}
