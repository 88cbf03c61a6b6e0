package io.shadowfeed.privacy.pii.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Replaces the spans of a text and keeps everything else: with {@code <TYPE>} tags, or with what a caller's function
 * returns for each span and its original text (a pseudonym, a fake, a mask). Immutable and thread-safe if the function
 * is.
 */
public final class SpanRedactor {

    private static final SpanRedactor TAGS = new SpanRedactor((span, original) -> "<" + span.type().name() + ">");

    private final BiFunction<Span, String, String> replacement;

    private SpanRedactor(BiFunction<Span, String, String> replacement) {
        this.replacement = replacement;
    }

    /** Replaces each span with {@code <TYPE>}, e.g. {@code <EMAIL>}. */
    public static SpanRedactor tags() {
        return TAGS;
    }

    /** Replaces each span with {@code replacement.apply(span, originalText)}; a null result is an error. */
    public static SpanRedactor with(BiFunction<Span, String, String> replacement) {
        return new SpanRedactor(DetectPreconditions.checkNotNull(replacement, "replacement"));
    }

    /**
     * The text with the spans replaced. Spans may come in any order but must lie within the text and must not
     * overlap (as {@link PiiAnalyzer} returns them). A null text is returned as null.
     */
    public String redact(String text, List<Span> spans) {
        DetectPreconditions.checkNotNull(spans, "spans");
        if (text == null) {
            DetectPreconditions.checkArgument(spans.isEmpty(), "spans must be empty for a null text. Provided: %s",
                    spans.size() + " spans");
            return null;
        }
        if (spans.isEmpty()) {
            return text;
        }
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingInt(Span::start));
        StringBuilder out = new StringBuilder(text.length());
        int pos = 0;
        for (Span s : sorted) {
            DetectPreconditions.checkArgument(s.end() <= text.length(),
                    "span end must be <= text length %s. Provided value: %s", text.length(), s.end());
            DetectPreconditions.checkArgument(s.start() >= pos,
                    "spans must not overlap. Provided value: span [%s, %s) overlaps the previous one ending at %s",
                    s.start(), s.end(), pos);
            out.append(text, pos, s.start());
            String r = replacement.apply(s, text.substring(s.start(), s.end()));
            DetectPreconditions.checkState(r != null, "replacement returned null for a %s span", s.type());
            out.append(r);
            pos = s.end();
        }
        out.append(text, pos, text.length());
        return out.toString();
    }
}
