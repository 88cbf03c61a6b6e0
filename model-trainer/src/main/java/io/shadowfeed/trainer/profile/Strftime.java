package io.shadowfeed.trainer.profile;

import java.util.Map;

/** Translates the strftime formats of SDV metadata ({@code %Y-%m-%d}) into {@code DateTimeFormatter} patterns. */
final class Strftime {

    private static final Map<Character, String> DIRECTIVES = Map.ofEntries(Map.entry('Y', "yyyy"),
            Map.entry('y', "yy"), Map.entry('m', "MM"), Map.entry('d', "dd"), Map.entry('H', "HH"),
            Map.entry('I', "hh"), Map.entry('M', "mm"), Map.entry('S', "ss"), Map.entry('f', "SSSSSS"),
            Map.entry('p', "a"), Map.entry('b', "MMM"), Map.entry('B', "MMMM"), Map.entry('a', "EEE"),
            Map.entry('A', "EEEE"), Map.entry('j', "DDD"), Map.entry('z', "xx"), Map.entry('%', "'%'"));

    private Strftime() {}

    static String toPattern(String source, String column, String format) {
        StringBuilder pattern = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%') {
                literal.append(c);
                continue;
            }
            String directive = i + 1 < format.length() ? DIRECTIVES.get(format.charAt(i + 1)) : null;
            if (directive == null) {
                throw new MetadataException(source + ": column '" + column + "' has a datetime format with a"
                        + " directive this reader does not know; use a java.time pattern such as yyyy-MM-dd HH:mm:ss");
            }
            flush(literal, pattern);
            pattern.append(directive);
            i++;
        }
        flush(literal, pattern);
        return pattern.toString();
    }

    /** Letters and a few signs are pattern symbols in java.time, so such literal text is quoted. */
    private static void flush(StringBuilder literal, StringBuilder pattern) {
        String text = literal.toString();
        if (text.chars().anyMatch(c -> Character.isLetter(c) || "[]{}#'".indexOf(c) >= 0)) {
            pattern.append('\'').append(text.replace("'", "''")).append('\'');
        } else {
            pattern.append(text);
        }
        literal.setLength(0);
    }
}
