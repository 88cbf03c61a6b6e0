package io.shadowfeed.trainer.evaluate;

/** The checks that score-carrying records share, with uniform messages. */
final class Scores {

    private Scores() {
    }

    /** A score in [0, 1]. */
    static double unit(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1]. Provided value: " + value);
        }
        return value;
    }

    /** A score in [0, 1] or null (not measured). */
    static Double unitOrNull(String name, Double value) {
        return value == null ? null : unit(name, value);
    }

    /** A value in [-1, 1] or null (undefined). */
    static Double signedUnitOrNull(String name, Double value) {
        if (value != null && !(value >= -1 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in [-1, 1] or null. Provided value: " + value);
        }
        return value;
    }

    static double nonNegative(String name, double value) {
        if (!(value >= 0)) {
            throw new IllegalArgumentException(name + " must be >= 0. Provided value: " + value);
        }
        return value;
    }

    static int count(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0. Provided value: " + value);
        }
        return value;
    }

    /** The mean of the values; {@code NaN} for none. */
    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return values.length == 0 ? Double.NaN : sum / values.length;
    }
}
