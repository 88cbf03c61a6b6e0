package io.shadowfeed.privacy.pii.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Generalizes an age to a band of {@code width} years: with width 5, {@code 37} becomes {@code "35-39"}. Ages of
 * {@value #TOP_CODE} and over become {@code "90+"} (top-coding, as HIPAA's safe harbor asks: very old ages are rare
 * enough to identify). Fractional ages are floored. Values that are not a non-negative number (text such as
 * {@code "n/a"}, negative ages) become {@code "unknown"}. Output: string.
 */
public final class AgeBandPolicy implements FieldPolicy {

    private static final long serialVersionUID = 1L;

    /** Ages at or above this are reported as one band, {@code "90+"}. */
    public static final int TOP_CODE = 90;
    static final String UNKNOWN = "unknown";

    private final int width;

    AgeBandPolicy(int width) {
        if (width < 1 || width > TOP_CODE) {
            throw new IllegalArgumentException("age band width must be in [1, " + TOP_CODE + "]. Provided value: "
                    + width);
        }
        this.width = width;
    }

    public int width() {
        return width;
    }

    @Override
    public String spec() {
        return "generalize:age" + width;
    }

    @Override
    public OutputShape outputShape() {
        return OutputShape.STRING;
    }

    @Override
    public Object apply(Object value) {
        if (value == null) {
            return null;
        }
        BigDecimal number = Values.number(value);
        if (number == null || number.signum() < 0) {
            return UNKNOWN;
        }
        if (number.compareTo(BigDecimal.valueOf(TOP_CODE)) >= 0) {
            return TOP_CODE + "+";
        }
        int age = number.setScale(0, RoundingMode.FLOOR).intValue();
        int low = age / width * width;
        int high = Math.min(low + width - 1, TOP_CODE - 1);
        return low == high ? Integer.toString(low) : low + "-" + high;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AgeBandPolicy other && width == other.width;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(width);
    }

    @Override
    public String toString() {
        return "AgeBandPolicy[" + spec() + "]";
    }
}
