package io.shadowfeed.privacy.pii.detect;

import io.shadowfeed.privacy.pii.PiiType;
import io.shadowfeed.privacy.pii.detect.SpanValidator.Validity;
import io.shadowfeed.privacy.pii.detect.internal.Keywords;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A detector driven by data, as Presidio's pattern recognizer: regex patterns with base scores, context words that
 * raise the score when found near a match, negative context words that drop it when found just before it, and a
 * validation hook (Luhn, mod-97,
 * ...) that lifts a match to the validated score or drops it.
 *
 * <p>Speed: a pattern runs only where its {@link Trigger} says it can match: inside the text's digit windows that pass
 * cheap checks (digit count, longest token, a required char, and per pattern the longest digit run), around literals
 * such as '@' or "://", around context words (and, when matches need digits, only near digits), or over the whole
 * text. Each thread keeps one matcher per pattern, bound to a text once per call.
 */
public final class PatternDetector implements TextDetector {

    /**
     * One regex with its base score. {@code minRun}: with a {@code DIGITS} trigger, the pattern runs only on digit
     * windows with a run of at least that many consecutive digits (0 = any), a cheap check that spares, say, the
     * 11-digit PESEL pattern the windows holding "+44 20 7946 0958".
     */
    public record DetectorPattern(String name, String regex, double score, int minRun) {
        public DetectorPattern {
            DetectPreconditions.checkNotBlank(name, "name");
            DetectPreconditions.checkNotBlank(regex, "regex");
            DetectPreconditions.checkScore(score, "score");
            DetectPreconditions.checkNonNegative(minRun, "minRun");
        }

        public DetectorPattern(String name, String regex, double score) {
            this(name, regex, score, 0);
        }
    }

    /**
     * Where a detector's patterns run, with cheap checks on each window before any regex runs: a minimum digit count
     * ({@code DIGITS}: in the digit window; {@code CONTEXT}: in the window around the context word), a minimum length
     * of the window's longest whitespace-delimited token ({@code DIGITS} only; 0 = any) and a set of ASCII chars of
     * which the window must contain at least one ({@code DIGITS} only; empty = any).
     */
    public record Trigger(Kind kind, int minDigits, List<String> literals, int minToken, String anyOf) {

        /** The kinds of trigger. */
        public enum Kind {
            /** The whole text. */
            ALWAYS,
            /** Digit windows with at least {@code minDigits} digits. */
            DIGITS,
            /** Around occurrences of the literals. */
            LITERALS,
            /** Around the detector's context words; matches need context. */
            CONTEXT
        }

        public Trigger {
            DetectPreconditions.checkNotNull(kind, "kind");
            DetectPreconditions.checkNonNegative(minDigits, "minDigits");
            DetectPreconditions.checkNonNegative(minToken, "minToken");
            literals = List.copyOf(literals);
            anyOf = anyOf == null ? "" : anyOf;
            DetectPreconditions.checkArgument(kind != Kind.LITERALS || !literals.isEmpty(),
                    "literals must not be empty for a LITERALS trigger. Provided value: %s", literals);
            for (int i = 0; i < anyOf.length(); i++) {
                DetectPreconditions.checkArgument(anyOf.charAt(i) < 128,
                        "anyOf must hold ASCII chars only. Provided value: %s", anyOf);
            }
        }

        public Trigger(Kind kind, int minDigits, List<String> literals) {
            this(kind, minDigits, literals, 0, "");
        }

        public static Trigger always() {
            return new Trigger(Kind.ALWAYS, 0, List.of());
        }

        public static Trigger digits(int minDigits) {
            return new Trigger(Kind.DIGITS, minDigits, List.of());
        }

        public static Trigger literals(String... literals) {
            return new Trigger(Kind.LITERALS, 0, List.of(literals));
        }

        public static Trigger context() {
            return new Trigger(Kind.CONTEXT, 0, List.of());
        }

        /** This trigger with a minimum digit count per window. */
        public Trigger withMinDigits(int digits) {
            return new Trigger(kind, digits, literals, minToken, anyOf);
        }

        /** This trigger, run only on digit windows with a token of at least {@code length} chars. */
        public Trigger withMinToken(int length) {
            return new Trigger(kind, minDigits, literals, length, anyOf);
        }

        /** This trigger, run only on digit windows that contain one of {@code chars} (ASCII). */
        public Trigger withAnyOf(String chars) {
            return new Trigger(kind, minDigits, literals, minToken, chars);
        }
    }

    private static final int MAX_REGION = 16_384;
    /** Texts longer than this are released from the thread's matchers after each call. */
    private static final int RELEASE_ABOVE = 65_536;
    private static final int REGION_OVERLAP = 256;
    /** Negative context words are looked for only this far before a match ("order 4155552671", "version 1.2.3.4"). */
    static final int NEGATIVE_BEFORE = 32;
    /** How long a match found around a context word may be. */
    private static final int CONTEXT_MATCH_REACH = 40;

    private final String name;
    private final PiiType type;
    private final List<DetectorPattern> patterns;
    private final ThreadLocal<Matcher[]> matchers;
    private final Keywords context;
    private final Keywords negativeContext;
    private final double contextBoost;
    private final int contextBefore;
    private final int contextAfter;
    private final SpanValidator validator;
    private final double validatedScore;
    private final Trigger trigger;
    private final String[] literals;
    private final double[] scores;
    private final int[] minRuns;
    private final long[] anyOfMask;

    private PatternDetector(Builder b) {
        this.name = b.name;
        this.type = b.type;
        this.patterns = List.copyOf(b.patterns);
        Pattern[] compiled = new Pattern[patterns.size()];
        this.scores = new double[patterns.size()];
        this.minRuns = new int[patterns.size()];
        for (int i = 0; i < compiled.length; i++) {
            compiled[i] = Pattern.compile(patterns.get(i).regex(), b.regexFlags);
            scores[i] = patterns.get(i).score();
            minRuns[i] = b.trigger.kind() == Trigger.Kind.DIGITS ? patterns.get(i).minRun() : 0;
        }
        this.matchers = ThreadLocal.withInitial(() -> {
            Matcher[] ms = new Matcher[compiled.length];
            for (int i = 0; i < ms.length; i++) {
                ms[i] = compiled[i].matcher("");
                ms[i].useTransparentBounds(true);
                ms[i].useAnchoringBounds(false);
            }
            return ms;
        });
        this.context = new Keywords(b.context);
        this.negativeContext = new Keywords(b.negativeContext);
        this.contextBoost = b.contextBoost;
        this.contextBefore = b.contextBefore;
        this.contextAfter = b.contextAfter;
        this.validator = b.validator;
        this.validatedScore = b.validatedScore;
        this.trigger = b.trigger;
        this.literals = b.trigger.literals().toArray(new String[0]);
        this.anyOfMask = trigger.anyOf().isEmpty() ? null : TextContext.charMask(trigger.anyOf());
    }

    public static Builder builder(String name, PiiType type) {
        return new Builder(name, type);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Set<PiiType> types() {
        return Set.of(type);
    }

    public PiiType type() {
        return type;
    }

    public List<DetectorPattern> patterns() {
        return patterns;
    }

    public Trigger trigger() {
        return trigger;
    }

    @Override
    public void detect(TextContext ctx, List<Span> out) {
        String text = ctx.text();
        if (text.isEmpty()) {
            return;
        }
        Matcher[] ms = null;
        switch (trigger.kind()) {
            case ALWAYS:
                ms = bind(text);
                scan(ms, text, 0, text.length(), Integer.MAX_VALUE, out);
                break;
            case DIGITS: {
                int[] counts = ctx.digitCounts();
                int[] longest = ctx.longestTokens();
                int[] runs = ctx.longestDigitRuns();
                int[] w = ctx.digitWindows();
                int minDigits = trigger.minDigits();
                int minToken = trigger.minToken();
                for (int k = 0; k < counts.length; k++) {
                    if (counts[k] >= minDigits && longest[k] >= minToken
                            && (anyOfMask == null || ctx.windowHasAny(k, anyOfMask))) {
                        if (ms == null) {
                            ms = bind(text);
                        }
                        scan(ms, text, w[2 * k], w[2 * k + 1], runs[k], out);
                    }
                }
                break;
            }
            case LITERALS: {
                int[] w = ctx.literalWindows(literals);
                for (int k = 0; k < w.length; k += 2) {
                    if (ms == null) {
                        ms = bind(text);
                    }
                    scan(ms, text, w[k], w[k + 1], Integer.MAX_VALUE, out);
                }
                break;
            }
            case CONTEXT: {
                int[] w = contextWindows(ctx);
                for (int k = 0; k < w.length; k += 2) {
                    if (trigger.minDigits() > 0 && countDigits(text, w[k], w[k + 1]) < trigger.minDigits()) {
                        continue;
                    }
                    if (ms == null) {
                        ms = bind(text);
                    }
                    scan(ms, text, w[k], w[k + 1], Integer.MAX_VALUE, out);
                }
                break;
            }
            default:
                throw new IllegalStateException("Unknown trigger " + trigger.kind());
        }
        if (ms != null && text.length() > RELEASE_ABOVE) {
            for (Matcher m : ms) {
                m.reset(""); // do not keep a large text reachable from a thread-local
            }
        }
    }

    /**
     * Windows around the context words; a match after the keyword has the keyword in its "before" context, and vice
     * versa. When matches need digits, keywords are looked for only within reach of the text's digit windows: a
     * keyword farther away yields a window without digits.
     */
    private int[] contextWindows(TextContext ctx) {
        String text = ctx.text();
        int before = contextAfter + CONTEXT_MATCH_REACH;
        int after = contextBefore + CONTEXT_MATCH_REACH;
        if (trigger.minDigits() == 0) {
            return context.windows(text, before, after);
        }
        int[] dw = ctx.digitWindows();
        int[] counts = ctx.digitCounts();
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        if (total < trigger.minDigits()) {
            return NO_WINDOWS;
        }
        // Keywords.windows widens a window by at most 64 chars beyond the reach on each side
        int reachBack = context.maxLength() + after + 64;
        int reachAhead = before + 64 + 1;
        int[] out = new int[8];
        int w = 0;
        int k = 0;
        while (k < counts.length) {
            int from = Math.max(0, dw[2 * k] - reachBack);
            int to = Math.min(text.length(), dw[2 * k + 1] + reachAhead);
            k++;
            while (k < counts.length && dw[2 * k] - reachBack <= to) {
                to = Math.min(text.length(), dw[2 * k + 1] + reachAhead);
                k++;
            }
            int[] part = context.windows(text, before, after, from, to);
            for (int j = 0; j < part.length; j += 2) {
                if (w > 0 && part[j] <= out[2 * w - 1]) {
                    out[2 * w - 1] = Math.max(out[2 * w - 1], part[j + 1]);
                } else {
                    if (2 * w + 2 > out.length) {
                        out = java.util.Arrays.copyOf(out, out.length * 2);
                    }
                    out[2 * w] = part[j];
                    out[2 * w + 1] = part[j + 1];
                    w++;
                }
            }
        }
        return java.util.Arrays.copyOf(out, 2 * w);
    }

    private static final int[] NO_WINDOWS = new int[0];

    /** This thread's matchers, reset to {@code text}. */
    private Matcher[] bind(String text) {
        Matcher[] ms = matchers.get();
        for (Matcher m : ms) {
            m.reset(text);
        }
        return ms;
    }

    private static int countDigits(String text, int from, int to) {
        int d = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                d++;
            }
        }
        return d;
    }

    /** Runs the patterns over [from, to); {@code digitRun}: the longest digit run there, for patterns' minRun. */
    private void scan(Matcher[] ms, String text, int from, int to, int digitRun, List<Span> out) {
        for (int start = from; start < to; start += MAX_REGION - REGION_OVERLAP) {
            int end = Math.min(to, start + MAX_REGION);
            for (int p = 0; p < ms.length; p++) {
                if (minRuns[p] > digitRun) {
                    continue;
                }
                Matcher m = ms[p];
                m.region(start, end);
                while (m.find()) {
                    if (m.end() > m.start()) {
                        consider(text, m.start(), m.end(), scores[p], out);
                    }
                }
            }
            if (end == to) {
                break;
            }
        }
    }

    private void consider(String text, int s, int e, double baseScore, List<Span> out) {
        double score = baseScore;
        if (validator != null) {
            Validity v = validator.validate(text.subSequence(s, e));
            if (v == Validity.INVALID) {
                return;
            }
            if (v == Validity.VALID) {
                score = Math.max(score, validatedScore);
            }
        }
        int before = Math.max(0, s - contextBefore);
        int after = Math.min(text.length(), e + contextAfter);
        if (!negativeContext.isEmpty() && negativeContext.anyIn(text, Math.max(0, s - NEGATIVE_BEFORE), s)) {
            return;
        }
        boolean hasContext = !context.isEmpty() && context.anyIn(text, before, after);
        if (trigger.kind() == Trigger.Kind.CONTEXT && !hasContext) {
            return;
        }
        if (hasContext) {
            score = Math.min(1.0, score + contextBoost);
        }
        if (score > 0) {
            out.add(new Span(s, e, type, score));
        }
    }

    /** Builds a {@link PatternDetector}; setters fail fast, {@link #build()} checks rules across fields. */
    public static final class Builder {
        private final String name;
        private final PiiType type;
        private final List<DetectorPattern> patterns = new ArrayList<>();
        private final List<String> context = new ArrayList<>();
        private final List<String> negativeContext = new ArrayList<>();
        private double contextBoost = 0.35;
        private int contextBefore = 48;
        private int contextAfter = 24;
        private SpanValidator validator;
        private double validatedScore = 1.0;
        private Trigger trigger = Trigger.always();
        private int regexFlags;
        private boolean validatorSet;

        private Builder(String name, PiiType type) {
            this.name = DetectPreconditions.checkNotBlank(name, "name");
            this.type = DetectPreconditions.checkNotNull(type, "type");
            DetectPreconditions.checkArgument(type != PiiType.NONE && type != PiiType.FREE_TEXT,
                    "type must be a span type, not NONE or FREE_TEXT. Provided value: %s", type);
        }

        public Builder addPattern(String patternName, String regex, double score) {
            return addPattern(new DetectorPattern(patternName, regex, score));
        }

        public Builder addPattern(DetectorPattern pattern) {
            DetectPreconditions.checkNotNull(pattern, "pattern");
            try {
                Pattern.compile(pattern.regex());
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new IllegalArgumentException("regex of pattern '" + pattern.name() + "' in detector '" + name
                        + "' must compile. Provided value: " + pattern.regex(), e);
            }
            patterns.add(pattern);
            return this;
        }

        public Builder optContext(Collection<String> words) {
            DetectPreconditions.checkNotNull(words, "context");
            context.addAll(words);
            return this;
        }

        public Builder optNegativeContext(Collection<String> words) {
            DetectPreconditions.checkNotNull(words, "negativeContext");
            negativeContext.addAll(words);
            return this;
        }

        public Builder optContextBoost(double boost) {
            this.contextBoost = DetectPreconditions.checkScore(boost, "contextBoost");
            return this;
        }

        /** How far (in chars) before and after a match context words are looked for; defaults 48 and 24. */
        public Builder optContextWindow(int before, int after) {
            this.contextBefore = DetectPreconditions.checkNonNegative(before, "contextBefore");
            this.contextAfter = DetectPreconditions.checkNonNegative(after, "contextAfter");
            return this;
        }

        public Builder optValidator(SpanValidator spanValidator) {
            DetectPreconditions.checkState(!validatorSet, "validator of detector '%s' is already set", name);
            this.validator = DetectPreconditions.checkNotNull(spanValidator, "validator");
            this.validatorSet = true;
            return this;
        }

        /** The score a {@link Validity#VALID} match is lifted to; default 1.0. */
        public Builder optValidatedScore(double score) {
            this.validatedScore = DetectPreconditions.checkScore(score, "validatedScore");
            return this;
        }

        public Builder optTrigger(Trigger t) {
            this.trigger = DetectPreconditions.checkNotNull(t, "trigger");
            return this;
        }

        public Builder optCaseInsensitive(boolean caseInsensitive) {
            this.regexFlags = caseInsensitive ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
            return this;
        }

        public PatternDetector build() {
            DetectPreconditions.checkState(!patterns.isEmpty(), "detector '%s' needs at least one pattern", name);
            DetectPreconditions.checkState(trigger.kind() != Trigger.Kind.CONTEXT || !context.isEmpty(),
                    "detector '%s' has a CONTEXT trigger but no context words", name);
            return new PatternDetector(this);
        }
    }
}
