package io.shadowfeed.privacy.pii.detect;

/**
 * The validation hook of a {@link PatternDetector}: looks at a regex match and says whether it is real. A checksum
 * that passes says {@link Validity#VALID} (the score is lifted to the detector's validated score, 1.0 by default); a
 * format rule without a checksum says {@link Validity#PLAUSIBLE} (the score stays); a failed check says
 * {@link Validity#INVALID} (the match is dropped).
 */
@FunctionalInterface
public interface SpanValidator {

    /** The outcome of a validation. */
    enum Validity {
        VALID, PLAUSIBLE, INVALID
    }

    Validity validate(CharSequence candidate);

    /** A validator from a yes/no check whose yes is a real checksum. */
    static SpanValidator checksum(java.util.function.Predicate<CharSequence> check) {
        return c -> check.test(c) ? Validity.VALID : Validity.INVALID;
    }

    /** A validator from a yes/no format rule without a checksum. */
    static SpanValidator rule(java.util.function.Predicate<CharSequence> check) {
        return c -> check.test(c) ? Validity.PLAUSIBLE : Validity.INVALID;
    }
}
