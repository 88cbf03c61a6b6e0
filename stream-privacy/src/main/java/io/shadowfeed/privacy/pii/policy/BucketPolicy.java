package io.shadowfeed.privacy.pii.policy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Generalizes a number to a bucket of {@code width}: {@code [k * width, (k + 1) * width)}.
 * <ul>
 *   <li>{@code bucket:<width>}: the bucket's lower bound, same type: {@code 47} becomes {@code 40} with width 10,
 *       {@code 47.5} becomes {@code 40.0}, the text {@code "47"} becomes {@code "40"}. Output: the input's type.
 *   <li>{@code bucket:<width>:range}: the bucket as text: {@code "[40,50)"}. Output: string.
 * </ul>
 * Text that is not a number becomes {@code "unknown"}; NaN, infinities and booleans pass through (nothing to hide).
 */
public final class BucketPolicy implements FieldPolicy {

    private static final long serialVersionUID = 1L;

    private final BigDecimal width;
    private final boolean range;

    BucketPolicy(BigDecimal width, boolean range) {
        Objects.requireNonNull(width, "width");
        if (width.signum() <= 0) {
            throw new IllegalArgumentException("bucket width must be > 0. Provided value: " + width.toPlainString());
        }
        BigDecimal stripped = width.stripTrailingZeros();
        this.width = stripped.scale() < 0 ? stripped.setScale(0) : stripped;
        this.range = range;
    }

    public BigDecimal width() {
        return width;
    }

    /** Whether the output is the bucket as text ({@code "[40,50)"}) rather than its lower bound. */
    public boolean range() {
        return range;
    }

    @Override
    public String spec() {
        return "generalize:bucket:" + width.toPlainString() + (range ? ":range" : "");
    }

    @Override
    public OutputShape outputShape() {
        return range ? OutputShape.STRING : OutputShape.SAME_TYPE;
    }

    @Override
    public Object apply(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean && !range) {
            return value; // a boolean is as general as it gets
        }
        BigDecimal number = Values.number(value);
        if (number == null) {
            if (range || value instanceof String) {
                return AgeBandPolicy.UNKNOWN;
            }
            if (value instanceof byte[]) {
                return AgeBandPolicy.UNKNOWN.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
            return value; // NaN, infinity or a type without numbers: nothing to hide
        }
        BigDecimal low = number.divide(width, 0, RoundingMode.FLOOR).multiply(width);
        if (range) {
            return "[" + low.toPlainString() + "," + low.add(width).toPlainString() + ")";
        }
        if (value instanceof Integer) {
            return clamp(low, Integer.MIN_VALUE, Integer.MAX_VALUE).intValue();
        }
        if (value instanceof Long) {
            return clamp(low, Long.MIN_VALUE, Long.MAX_VALUE).longValue();
        }
        if (value instanceof Short) {
            return clamp(low, Short.MIN_VALUE, Short.MAX_VALUE).shortValue();
        }
        if (value instanceof Byte) {
            return clamp(low, Byte.MIN_VALUE, Byte.MAX_VALUE).byteValue();
        }
        if (value instanceof Double) {
            return low.doubleValue();
        }
        if (value instanceof Float) {
            return low.floatValue();
        }
        if (value instanceof BigDecimal) {
            return low;
        }
        if (value instanceof BigInteger) {
            return low.toBigInteger();
        }
        if (value instanceof byte[]) {
            return low.toPlainString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        return low.toPlainString();
    }

    /** Lower bounds of integers are floored to an integer, and stay in the type's range. */
    private static BigDecimal clamp(BigDecimal low, long min, long max) {
        BigDecimal floored = low.setScale(0, RoundingMode.FLOOR);
        return floored.max(BigDecimal.valueOf(min)).min(BigDecimal.valueOf(max));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BucketPolicy other && width.equals(other.width) && range == other.range;
    }

    @Override
    public int hashCode() {
        return Objects.hash(width, range);
    }

    @Override
    public String toString() {
        return "BucketPolicy[" + spec() + "]";
    }
}
