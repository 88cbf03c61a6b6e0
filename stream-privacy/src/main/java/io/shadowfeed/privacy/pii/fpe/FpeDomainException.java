package io.shadowfeed.privacy.pii.fpe;

/**
 * An input FF1 must not process: too few numerals for the NIST minimum domain of one million values, a numeral
 * outside the radix, or an unsupported radix or tweak.
 */
public final class FpeDomainException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public FpeDomainException(String message) {
        super(message);
    }
}
