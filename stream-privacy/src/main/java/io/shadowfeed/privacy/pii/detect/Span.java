package io.shadowfeed.privacy.pii.detect;

import io.shadowfeed.privacy.pii.PiiType;

/**
 * A detected piece of personal data in a text: {@code text.substring(start, end)} (UTF-16 code units, as
 * {@link String#substring} counts), its type and a score in [0, 1].
 *
 * @param start first char, inclusive, >= 0
 * @param end last char, exclusive, > start
 * @param type what it is; never {@link PiiType#NONE} or {@link PiiType#FREE_TEXT}
 * @param score confidence in [0, 1]
 */
public record Span(int start, int end, PiiType type, double score) {

    public Span {
        DetectPreconditions.checkNonNegative(start, "start");
        DetectPreconditions.checkArgument(end > start, "end must be > start. Provided value: %s (start %s)", end,
                start);
        DetectPreconditions.checkNotNull(type, "type");
        DetectPreconditions.checkArgument(type != PiiType.NONE && type != PiiType.FREE_TEXT,
                "type must be a span type, not NONE or FREE_TEXT. Provided value: %s", type);
        DetectPreconditions.checkScore(score, "score");
    }

    public int length() {
        return end - start;
    }

    public boolean overlaps(Span other) {
        return start < other.end && other.start < end;
    }

    /** The covered text of {@code text}. */
    public String textOf(String text) {
        return text.substring(start, end);
    }

    /** A copy with another score. */
    public Span withScore(double newScore) {
        return new Span(start, end, type, newScore);
    }
}
