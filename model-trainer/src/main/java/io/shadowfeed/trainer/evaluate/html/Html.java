package io.shadowfeed.trainer.evaluate.html;

import io.shadowfeed.trainer.evaluate.PlainNumbers;

import java.util.Locale;

/** Escaping and number formatting for the report; every string from data or configuration goes through here. */
final class Html {

    private Html() {
    }

    /** Escapes text for element content and quoted attribute values (HTML and SVG alike). */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // Control characters have no business in a report and some break XML parsers of the SVG.
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** At most {@code max} characters, an ellipsis marking the cut (before escaping). */
    static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }

    static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    /** Plain notation, no exponent: whole numbers from 1000 up, two decimals from 1, four significant digits below. */
    static String plain(double value) {
        return PlainNumbers.format(value);
    }

    /** A coordinate for SVG attributes. */
    static String px(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
