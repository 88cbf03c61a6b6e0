package io.shadowfeed.privacy.pii.detect.text;

import io.shadowfeed.privacy.pii.PiiType;
import io.shadowfeed.privacy.pii.detect.DetectPreconditions;
import io.shadowfeed.privacy.pii.detect.Span;
import io.shadowfeed.privacy.pii.detect.TextContext;
import io.shadowfeed.privacy.pii.detect.TextDetector;
import io.shadowfeed.privacy.pii.detect.internal.Keywords;
import io.shadowfeed.privacy.pii.detect.validate.DateValues;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Phone numbers in free text. One hand-written pass over the text's digit windows finds candidate runs: 7 to 15 digits
 * with phone punctuation between them (space, - . / ( ), at most three in a row), starting at a digit, '+' or '(', not
 * glued to a Latin letter, '%' or a currency sign (as libphonenumber's VALID leniency), not part of a longer code
 * ("RMA-5551234567", "5551234567@host", "1234567,89"), and not a date, a time stamp or an IPv4 address. Each candidate
 * is then validated by libphonenumber ({@link PhoneNumbers}: about 1-2 us, where {@code findNumbers} cost 15-50 us):
 *
 * <ul>
 *   <li>written with '+': valid in the region of its country code; score {@code score}; not valid but next to a phone
 *       context word (an outdated or mistyped number is still someone's): score {@code extraRegionScore};
 *   <li>otherwise valid in the row's region ({@link TextContext#region()}, when the caller gives one) or the default
 *       region, written with the national prefix where that region's format has one; score {@code score};
 *   <li>otherwise, only next to a phone context word ("Tel.", "anrufen", "Téléphone", ...): valid in one of the extra
 *       regions, tried in order (skipping regions whose national prefix is "0" for numbers that do not start with 0);
 *       the first that accepts it wins; score {@code extraRegionScore}. Without a phone word a national-format digit
 *       run is too often valid somewhere.
 * </ul>
 *
 * <p>A bare run of digits without '+', spaces or punctuation ("4155552671") is looked at only next to a phone context
 * word. A phone context word within 48 chars before or 24 after adds {@code contextBoost}; a negative context word
 * ("order", "invoice") within 32 chars before the number drops it.
 */
public final class PhoneDetector implements TextDetector {

    private static final int MIN_DIGITS = 7;
    private static final int MAX_DIGITS = 15;
    /** The shortest '+' number taken on context alone: country code plus a 6-digit subscriber number. */
    private static final int MIN_INTERNATIONAL_DIGITS = 8;
    private static final int NEGATIVE_BEFORE = 32;

    private final String name;
    private final String defaultRegion;
    private final List<String> extraRegions;
    private final PhoneNumbers.Region defaultInfo;
    private final PhoneNumbers.Region[] extraInfo;
    private final double score;
    private final double extraRegionScore;
    private final double contextBoost;
    private final Keywords context;
    private final Keywords negativeContext;
    private final int contextBefore;
    private final int contextAfter;

    private PhoneDetector(Builder b) {
        this.name = b.name;
        this.defaultRegion = b.defaultRegion;
        this.extraRegions = List.copyOf(b.extraRegions);
        this.defaultInfo = PhoneNumbers.region(defaultRegion);
        this.extraInfo = new PhoneNumbers.Region[extraRegions.size()];
        for (int i = 0; i < extraInfo.length; i++) {
            extraInfo[i] = PhoneNumbers.region(extraRegions.get(i));
        }
        this.score = b.score;
        this.extraRegionScore = b.extraRegionScore;
        this.contextBoost = b.contextBoost;
        this.context = new Keywords(b.context);
        this.negativeContext = new Keywords(b.negativeContext);
        this.contextBefore = 48;
        this.contextAfter = 24;
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
        return Set.of(PiiType.PHONE);
    }

    public String defaultRegion() {
        return defaultRegion;
    }

    public List<String> extraRegions() {
        return extraRegions;
    }

    @Override
    public void detect(TextContext ctx, List<Span> out) {
        String text = ctx.text();
        int[] counts = ctx.digitCounts();
        int[] w = null;
        PhoneNumbers.Region hint = null;
        boolean hintResolved = false;
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] < MIN_DIGITS) {
                continue;
            }
            if (!hintResolved) {
                w = ctx.digitWindows();
                hint = PhoneNumbers.region(ctx.region());
                if (hint != null && hint.code().equals(defaultRegion)) {
                    hint = null;
                }
                hintResolved = true;
            }
            scanWindow(text, w[2 * k], w[2 * k + 1], hint, out);
        }
    }

    /** Finds the candidate runs of a digit window and validates each. */
    private void scanWindow(String text, int ws, int we, PhoneNumbers.Region hint, List<Span> out) {
        char[] digits = new char[MAX_DIGITS];
        int i = ws;
        while (i < we) {
            char c = text.charAt(i);
            if (!(isDigit(c) || ((c == '+' || c == '(') && i + 1 < we && (isDigit(text.charAt(i + 1))
                    || text.charAt(i + 1) == '(')))) {
                i++;
                continue;
            }
            int runStart = i;
            int runEnd = i;
            int nd = 0;
            int gap = 0;
            int p = c == '+' ? i + 1 : i;
            while (p < we) {
                char d = text.charAt(p);
                if (isDigit(d)) {
                    if (nd < MAX_DIGITS) {
                        digits[nd] = d;
                    }
                    nd++;
                    gap = 0;
                    runEnd = p + 1;
                } else if (isPhonePunctuation(d) && gap < 3) {
                    gap++;
                } else {
                    break;
                }
                p++;
            }
            if (nd >= MIN_DIGITS && nd <= MAX_DIGITS && standsAlone(text, runStart, runEnd)
                    && !notAPhoneShape(text, runStart, runEnd)) {
                candidate(text, runStart, runEnd, new String(digits, 0, nd), hint, out);
            }
            i = Math.max(p, i + 1);
        }
    }

    private void candidate(String text, int runStart, int runEnd, String digits, PhoneNumbers.Region hint,
            List<Span> out) {
        if (negativeContext.anyIn(text, Math.max(0, runStart - NEGATIVE_BEFORE), runStart)) {
            return;
        }
        boolean international = text.charAt(runStart) == '+';
        boolean bare = digits.length() == runEnd - runStart;
        boolean hasContext = context.anyIn(text, Math.max(0, runStart - contextBefore),
                Math.min(text.length(), runEnd + contextAfter));
        if (bare && !hasContext) {
            return; // an unformatted digit run without a phone word is an id far more often than a number
        }
        double base;
        if (international) {
            if (PhoneNumbers.isValidInternational(digits)) {
                base = score;
            } else if (hasContext && digits.length() >= MIN_INTERNATIONAL_DIGITS) {
                // "+56 (0)2 635 4444", "+91 0124 39883988": a '+' number next to a phone word is someone's phone
                // even when it is outdated or mistyped (a trunk 0 kept, a digit short): redact it all the same.
                base = extraRegionScore;
            } else {
                return;
            }
        } else if ((hint != null && PhoneNumbers.isValidNational(digits, hint))
                || (defaultInfo != null && PhoneNumbers.isValidNational(digits, defaultInfo))) {
            base = score;
        } else if (hasContext && validInExtraRegion(digits, hint, bare)) {
            base = extraRegionScore;
        } else {
            return;
        }
        double sc = hasContext ? Math.min(1.0, base + contextBoost) : base;
        out.add(new Span(runStart, runEnd, PiiType.PHONE, sc));
    }

    /**
     * The first extra region in which the number is valid. A region whose national prefix is "0" is tried only for
     * numbers that start with 0; a bare digit run ("0612340920") only in such a region, since without the prefix or
     * any grouping it is as likely an id ("Kundennummer 123456789") that happens to be valid somewhere.
     */
    private boolean validInExtraRegion(String digits, PhoneNumbers.Region hint, boolean bare) {
        boolean leadingZero = digits.charAt(0) == '0';
        if (bare && !leadingZero) {
            return false;
        }
        for (PhoneNumbers.Region r : extraInfo) {
            if (r == null || r == hint || (r.trunkIsZero() != leadingZero && (bare || r.trunkIsZero()))) {
                continue;
            }
            if (PhoneNumbers.isValidNational(digits, r)) {
                return true;
            }
        }
        return false;
    }

    /**
     * As libphonenumber's matcher: a number is not glued to a Latin letter, '%' or a currency sign (before it only
     * when it does not start with '+' or '('); nor, here, part of a longer code: after a letter or digit and one of
     * {@code - _ / # @ = &}, or before one of those and a letter or digit, or before '@'; nor a decimal ("1234567,89").
     */
    private static boolean standsAlone(String text, int s, int e) {
        char first = text.charAt(s);
        if (s > 0) {
            char prev = text.charAt(s - 1);
            if (first != '+' && first != '(' && (isLatinLetter(prev) || isInvalidPunctuation(prev))) {
                return false;
            }
            if (isGlue(prev) && s > 1 && Character.isLetterOrDigit(text.charAt(s - 2))) {
                return false;
            }
            if ((prev == ',' || prev == '.') && s > 1 && isDigit(text.charAt(s - 2))) {
                return false;
            }
            if (prev == ':' && s > 1 && isDigit(text.charAt(s - 2))) {
                return false; // the end of a time "10:30 ..."
            }
        }
        if (e < text.length()) {
            char next = text.charAt(e);
            if (isLatinLetter(next) || isInvalidPunctuation(next) || next == '@') {
                return false;
            }
            if (e + 1 < text.length()) {
                char after = text.charAt(e + 1);
                if (isGlue(next) && Character.isLetterOrDigit(after)) {
                    return false;
                }
                if ((next == ',' || next == '.' || next == ':') && isDigit(after)) {
                    return false; // a decimal, a longer dotted number or a time
                }
            }
        }
        return true;
    }

    /**
     * Dates (the run starts with a day, month and 4-digit year, or year, month and day, with one separator: "2024-07-12
     * 10", "12.03.2024"), IPv4 addresses (four dot-separated groups of 1-3 digits) and unbalanced parentheses.
     */
    private static boolean notAPhoneShape(String text, int s, int e) {
        int[] len = new int[4];
        char[] sep = new char[3];
        int groups = 0;
        int cur = 0;
        int open = 0;
        boolean simpleSeparators = true;
        for (int i = s; i < e; i++) {
            char c = text.charAt(i);
            if (isDigit(c)) {
                cur++;
                continue;
            }
            if (c == '(') {
                open++;
            } else if (c == ')') {
                if (--open < 0) {
                    return true;
                }
            }
            if (cur > 0) {
                if (groups < 3) {
                    sep[groups] = c;
                }
                if (groups < 4) {
                    len[groups] = cur;
                }
                groups++;
                cur = 0;
                simpleSeparators &= i + 1 < e && isDigit(text.charAt(i + 1));
            } else {
                simpleSeparators = false;
            }
        }
        if (open != 0) {
            return true;
        }
        if (groups < 4) {
            len[groups] = cur;
        }
        groups++;
        if (groups == 4 && simpleSeparators && sep[0] == '.' && sep[1] == '.' && sep[2] == '.' && len[0] <= 3
                && len[1] <= 3 && len[2] <= 3 && len[3] <= 3) {
            return true; // an IPv4 address
        }
        if (groups >= 3 && sep[0] == sep[1] && sep[0] == ' ' && spacedDate(text, s, len)) {
            return true; // "28 04 1990", "1990 04 28"
        }
        if (groups >= 3 && sep[0] == sep[1] && (sep[0] == '.' || sep[0] == '/' || sep[0] == '-')) {
            boolean dmy = len[0] <= 2 && len[1] <= 2 && len[2] == 4;
            boolean ymd = len[0] == 4 && len[1] <= 2 && len[2] <= 2;
            if (dmy || ymd) {
                int dateEnd = s;
                int seen = 0;
                while (dateEnd < e && seen < 3) {
                    if (isDigit(text.charAt(dateEnd)) && (dateEnd + 1 == e || !isDigit(text.charAt(dateEnd + 1)))) {
                        seen++;
                    }
                    dateEnd++;
                }
                return DateValues.parse(text.substring(s, dateEnd)) != null;
            }
        }
        return false;
    }

    /** The first three digit groups (lengths in {@code len}) are a day, month and year, or year, month and day. */
    private static boolean spacedDate(String text, int s, int[] len) {
        int[] v = new int[3];
        int g = 0;
        for (int i = s; i < text.length() && g < 3; i++) {
            char c = text.charAt(i);
            if (isDigit(c)) {
                v[g] = v[g] * 10 + (c - '0');
            } else if (i > s && isDigit(text.charAt(i - 1))) {
                g++;
            }
        }
        if (len[0] <= 2 && len[1] <= 2 && len[2] == 4) {
            return plausibleDate(v[2], v[1], v[0]);
        }
        return len[0] == 4 && len[1] <= 2 && len[2] <= 2 && plausibleDate(v[0], v[1], v[2]);
    }

    private static boolean plausibleDate(int year, int month, int day) {
        return year >= 1800 && year <= 2199 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isPhonePunctuation(char c) {
        return c == ' ' || c == '-' || c == '.' || c == '/' || c == '(' || c == ')' || c == '\u00A0';
    }

    private static boolean isGlue(char c) {
        return c == '-' || c == '_' || c == '/' || c == '#' || c == '@' || c == '=' || c == '&';
    }

    /** Letters of the Latin blocks, as libphonenumber's matcher tests them. */
    private static boolean isLatinLetter(char c) {
        if (c < 128) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }
        if (!Character.isLetter(c) && Character.getType(c) != Character.NON_SPACING_MARK) {
            return false;
        }
        Character.UnicodeBlock block = Character.UnicodeBlock.of(c);
        return block == Character.UnicodeBlock.LATIN_1_SUPPLEMENT
                || block == Character.UnicodeBlock.LATIN_EXTENDED_A
                || block == Character.UnicodeBlock.LATIN_EXTENDED_ADDITIONAL
                || block == Character.UnicodeBlock.LATIN_EXTENDED_B
                || block == Character.UnicodeBlock.COMBINING_DIACRITICAL_MARKS;
    }

    private static boolean isInvalidPunctuation(char c) {
        return c == '%' || Character.getType(c) == Character.CURRENCY_SYMBOL;
    }

    /** Builds a {@link PhoneDetector}. */
    public static final class Builder {
        private String name = "phone";
        private String defaultRegion = "US";
        private final List<String> extraRegions = new ArrayList<>();
        private double score = 0.6;
        private double extraRegionScore = 0.45;
        private double contextBoost = 0.3;
        private final List<String> context = new ArrayList<>();
        private final List<String> negativeContext = new ArrayList<>();

        private Builder() {}

        public Builder optName(String detectorName) {
            this.name = DetectPreconditions.checkNotBlank(detectorName, "name");
            return this;
        }

        /** The region (ISO alpha-2) for numbers written without '+'; default US. */
        public Builder optDefaultRegion(String region) {
            this.defaultRegion = checkRegion(region);
            return this;
        }

        /** Regions also tried, next to a phone context word only. */
        public Builder optExtraRegions(Collection<String> regions) {
            DetectPreconditions.checkNotNull(regions, "extraRegions");
            extraRegions.clear();
            for (String r : regions) {
                extraRegions.add(checkRegion(r));
            }
            return this;
        }

        public Builder optScore(double s) {
            this.score = DetectPreconditions.checkScore(s, "score");
            return this;
        }

        public Builder optExtraRegionScore(double s) {
            this.extraRegionScore = DetectPreconditions.checkScore(s, "extraRegionScore");
            return this;
        }

        public Builder optContextBoost(double s) {
            this.contextBoost = DetectPreconditions.checkScore(s, "contextBoost");
            return this;
        }

        public Builder optContext(Collection<String> words) {
            context.addAll(DetectPreconditions.checkNotNull(words, "context"));
            return this;
        }

        public Builder optNegativeContext(Collection<String> words) {
            negativeContext.addAll(DetectPreconditions.checkNotNull(words, "negativeContext"));
            return this;
        }

        public PhoneDetector build() {
            DetectPreconditions.checkState(!extraRegions.contains(defaultRegion),
                    "extraRegions must not repeat the default region %s", defaultRegion);
            return new PhoneDetector(this);
        }

        private static String checkRegion(String region) {
            DetectPreconditions.checkNotNull(region, "region");
            DetectPreconditions.checkArgument(PhoneNumbers.UTIL.getSupportedRegions().contains(region),
                    "region must be an ISO 3166 alpha-2 region libphonenumber supports. Provided value: %s", region);
            return region;
        }
    }
}
