package io.shadowfeed.privacy.dp.mechanism;

/**
 * Clamping to [lower, upper], the first half of contribution bounding: after it, one contribution changes a sum by
 * at most {@link #sumSensitivity()} when it is added or removed, and by at most {@link #width()} when it is
 * replaced. Immutable.
 *
 * @param lower finite
 * @param upper finite, at least {@code lower}
 */
public record ClampBounds(double lower, double upper) {

    public ClampBounds {
        if (!Double.isFinite(lower) || !Double.isFinite(upper)) {
            throw new IllegalArgumentException("clamp bounds must be finite. Provided value: [" + lower + ", "
                    + upper + "]");
        }
        if (lower > upper) {
            throw new IllegalArgumentException("clamp lower bound must be at most the upper bound. Provided value: ["
                    + lower + ", " + upper + "]");
        }
    }

    /** The value moved into [lower, upper]. NaN is refused: it has no place in a bounded sum. */
    public double clamp(double value) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("value must not be NaN: filter or impute it before clamping");
        }
        return Math.max(lower, Math.min(upper, value));
    }

    /** The value moved into the integers of [lower, upper], i.e. [ceil(lower), floor(upper)]. */
    public long clamp(long value) {
        long low = (long) Math.ceil(lower);
        long high = (long) Math.floor(upper);
        if (low > high) {
            throw new IllegalStateException("no integer lies in [" + lower + ", " + upper + "]");
        }
        return Math.max(low, Math.min(high, value));
    }

    /** max(|lower|, |upper|): what adding or removing one clamped value does to a sum at most. */
    public double sumSensitivity() {
        return Math.max(Math.abs(lower), Math.abs(upper));
    }

    /** upper - lower: what replacing one clamped value does to a sum at most. */
    public double width() {
        return upper - lower;
    }
}
