package io.shadowfeed.trainer.profile;

/**
 * The observed range of a numeric column (a datetime's in its unit).
 *
 * @param min the smallest value
 * @param max the largest value
 * @param integral whether every value is a whole number (rendered back without a fraction)
 * @param decimals the most digits after the decimal point in the source text (rendering rounds to it)
 */
public record NumericRange(double min, double max, boolean integral, int decimals) {

    public NumericRange {
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
            throw new IllegalArgumentException("range must be finite with min <= max. Provided value: [" + min + ", "
                    + max + "]");
        }
        if (decimals < 0) {
            throw new IllegalArgumentException("decimals must be >= 0. Provided value: " + decimals);
        }
    }
}
