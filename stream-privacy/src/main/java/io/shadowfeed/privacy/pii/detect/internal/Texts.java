package io.shadowfeed.privacy.pii.detect.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text helpers: folding for dictionary look-ups, column-name tokenizing, word shapes. */
public final class Texts {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Texts() {}

    /** Lower case without diacritics ("Gonçalves" -> "goncalves", "Straße" -> "strasse"); ASCII takes a fast path. */
    public static String fold(CharSequence s) {
        boolean ascii = true;
        for (int i = 0; i < s.length() && ascii; i++) {
            ascii = s.charAt(i) < 128;
        }
        String lower = s.toString().toLowerCase(Locale.ROOT);
        if (ascii) {
            return lower;
        }
        String decomposed = Normalizer.normalize(lower.replace("ß", "ss").replace("ø", "o").replace("ł", "l")
                .replace("æ", "ae").replace("œ", "oe").replace("đ", "d"), Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("");
    }

    /**
     * Splits a column name into folded tokens: camelCase and PascalCase humps ("BillingPostalCode" -> billing, postal,
     * code; "IPAddress" -> ip, address), snake_case, kebab-case, dots, spaces and digit runs.
     */
    public static List<String> columnTokens(String name) {
        List<String> out = new ArrayList<>();
        if (name == null) {
            return out;
        }
        StringBuilder cur = new StringBuilder();
        int n = name.length();
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                flush(cur, out);
                continue;
            }
            if (cur.length() > 0) {
                char prev = name.charAt(i - 1);
                boolean boundary = (Character.isLowerCase(prev) && Character.isUpperCase(c))
                        || (Character.isDigit(prev) != Character.isDigit(c))
                        || (Character.isUpperCase(prev) && Character.isUpperCase(c) && i + 1 < n
                                && Character.isLowerCase(name.charAt(i + 1)));
                if (boundary) {
                    flush(cur, out);
                }
            }
            cur.append(c);
        }
        flush(cur, out);
        return out;
    }

    private static void flush(StringBuilder cur, List<String> out) {
        if (cur.length() > 0) {
            out.add(fold(cur));
            cur.setLength(0);
        }
    }

    /** Splits on whitespace. */
    public static String[] words(String s) {
        String t = s.trim();
        return t.isEmpty() ? new String[0] : t.split("\\s+");
    }

    /** True if the word starts with an upper-case letter and has a lower-case letter, or is all-caps of 4+ letters. */
    public static boolean isCapitalizedWord(String w) {
        if (w.isEmpty() || !Character.isUpperCase(w.codePointAt(0))) {
            return false;
        }
        boolean lower = false;
        int letters = 0;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                lower |= Character.isLowerCase(c);
            } else if (c != '-' && c != '\'' && c != '’' && c != '.') {
                return false;
            }
        }
        return lower || letters >= 4;
    }

    /** A short all-caps code such as "EWR", "SP" or "QC". */
    public static boolean isCode(String value) {
        String t = value.trim();
        if (t.isEmpty() || t.length() > 3) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!(Character.isUpperCase(c) || Character.isDigit(c))) {
                return false;
            }
        }
        return true;
    }

    public static int countDigits(CharSequence s) {
        int d = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                d++;
            }
        }
        return d;
    }

    public static boolean hasLetter(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    public static boolean isWhitespace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\u00A0' || c == '\f' || c == '\u000B'
                || (c > 127 && Character.isWhitespace(c)) || c == '\u202F' || c == '\u2007';
    }
}
