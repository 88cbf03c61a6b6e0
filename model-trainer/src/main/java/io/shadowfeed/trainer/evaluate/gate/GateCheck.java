package io.shadowfeed.trainer.evaluate.gate;

import java.util.Locale;
import java.util.Objects;

/**
 * One threshold applied to one metric. {@code actual} is null when the metric was not measured; such a check fails
 * (the gate fails closed) and {@code note} says why it is missing. For a measured metric, {@code note} is null or
 * says how the threshold was derived (the exact-match limit raised to the holdout's chance rate).
 */
public record GateCheck(String metric, Comparison comparison, double threshold, Double actual, boolean passed,
        String note) {

    public GateCheck {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(comparison, "comparison");
        if (actual == null && passed) {
            throw new IllegalArgumentException("check of '" + metric + "' cannot pass without a measured value");
        }
        if (actual != null && passed != comparison.holds(actual, threshold)) {
            throw new IllegalArgumentException("check of '" + metric + "' says passed=" + passed
                    + ", which contradicts its value, comparison and threshold");
        }
    }

    static GateCheck of(String metric, Comparison comparison, double threshold, Double actual, String note) {
        if (actual == null) {
            return new GateCheck(metric, comparison, threshold, null, false, note == null ? "not measured" : note);
        }
        return new GateCheck(metric, comparison, threshold, actual, comparison.holds(actual, threshold), note);
    }

    /** E.g. {@code quality 0.71 < 0.80} or {@code tstr_f1 not measured (no holdout given)}. */
    public String describe() {
        if (actual == null) {
            return metric + " not measured (" + note + ")";
        }
        String symbol = passed ? comparison.symbol() : comparison.violation();
        // Enough decimals to show the first significant digit of small values, and to never print a value equal to
        // a threshold it differs from ("0.0004 > 0.00" or "0.001 > 0.000" for 0.0005 would mislead).
        int decimals = Math.max(2, Math.max(leadingZeros(actual), leadingZeros(threshold)));
        while (decimals < 8 && format(actual, decimals).equals(format(threshold, decimals))
                && actual != threshold) {
            decimals++;
        }
        return metric + " " + format(actual, decimals) + " " + symbol + " " + format(threshold, decimals);
    }

    /** The decimals needed to reach the first significant digit: 4 for 0.0005, 1 for 0.7, 0 for 0 and 3.2. */
    private static int leadingZeros(double value) {
        double magnitude = Math.abs(value);
        return magnitude == 0 || magnitude >= 1 ? 0 : Math.min(8, (int) Math.ceil(-Math.log10(magnitude)));
    }

    private static String format(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
