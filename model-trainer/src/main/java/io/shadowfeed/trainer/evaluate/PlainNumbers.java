package io.shadowfeed.trainer.evaluate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Numbers for people to read in reports: never an exponent, no trailing zeros. */
public final class PlainNumbers {
    private PlainNumbers() {
    }

    /** Whole numbers from 1000 up, two decimals from 1, four significant digits below. */
    public static String format(double value) {
        double magnitude = Math.abs(value);
        String text;
        if (magnitude >= 1000) {
            text = String.format(Locale.ROOT, "%.0f", value);
        } else if (magnitude >= 1) {
            text = String.format(Locale.ROOT, "%.2f", value);
        } else {
            text = new BigDecimal(value).round(new MathContext(4)).toPlainString();
        }
        if (text.contains(".")) {
            text = text.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return text.equals("-0") ? "0" : text;
    }
}
