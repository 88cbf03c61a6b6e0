package io.shadowfeed.trainer.evaluate.gate;

/** Which side of its threshold a metric must stay on. */
public enum Comparison {
    /** The metric must be at least the threshold (quality, F1). */
    AT_LEAST(">=", "<"),
    /** The metric must be at most the threshold (exact matches, DCR share). */
    AT_MOST("<=", ">");

    private final String symbol;
    private final String violation;

    Comparison(String symbol, String violation) {
        this.symbol = symbol;
        this.violation = violation;
    }

    public boolean holds(double actual, double threshold) {
        return this == AT_LEAST ? actual >= threshold : actual <= threshold;
    }

    /** {@code >=} or {@code <=}. */
    public String symbol() {
        return symbol;
    }

    /** The symbol of a failed comparison: {@code <} or {@code >}. */
    public String violation() {
        return violation;
    }
}
