package io.shadowfeed.privacy.pii.detect.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A set of context words found case-insensitively as whole words in one pass over a text. A word ending in '*' matches
 * as a prefix ("geb*" matches "geboren" and "Geburtsdatum"). Immutable and thread-safe.
 *
 * <p>Speed: only word starts are looked at (a char whose predecessor is not a letter or digit); the candidates are
 * bucketed by their lower-cased first char, longest first, with their prefix flags alongside, so a position costs a
 * table look-up unless a keyword starts with that letter.
 */
public final class Keywords {

    /** A bucket of keywords sharing a first char, longest first. */
    private record Bucket(String[] words, boolean[] prefix) {}

    private final Bucket[] ascii = new Bucket[128];
    /** For each ASCII char: does a keyword start with it (either case)? */
    private final boolean[] starts = new boolean[128];
    private final Map<Character, Bucket> other = new HashMap<>();
    private final List<String> words;
    private final int maxLength;

    public Keywords(Collection<String> keywords) {
        List<String> ws = new ArrayList<>();
        for (String k : keywords) {
            String t = k.strip().toLowerCase(Locale.ROOT);
            if (!t.isEmpty() && !t.equals("*") && !ws.contains(t)) {
                ws.add(t);
            }
        }
        this.words = List.copyOf(ws);
        this.maxLength = ws.stream().mapToInt(k -> stem(k).length()).max().orElse(0);
        Map<Character, List<String>> byFirst = new HashMap<>();
        for (String w : ws) {
            byFirst.computeIfAbsent(w.charAt(0), c -> new ArrayList<>()).add(w);
        }
        for (Map.Entry<Character, List<String>> e : byFirst.entrySet()) {
            String[] arr = e.getValue().toArray(new String[0]);
            // longest first, as the keyword would be written (without the '*')
            Arrays.sort(arr, (a, b) -> stem(b).length() - stem(a).length());
            boolean[] pre = new boolean[arr.length];
            for (int i = 0; i < arr.length; i++) {
                pre[i] = arr[i].endsWith("*");
                arr[i] = stem(arr[i]);
            }
            Bucket bucket = new Bucket(arr, pre);
            char c = e.getKey();
            if (c < 128) {
                ascii[c] = bucket;
                starts[c] = true;
                starts[Character.toUpperCase(c) < 128 ? Character.toUpperCase(c) : c] = true;
            } else {
                other.put(c, bucket);
            }
        }
    }

    private static String stem(String w) {
        return w.endsWith("*") ? w.substring(0, w.length() - 1) : w;
    }

    /** Length of the longest keyword (without a trailing '*'). */
    public int maxLength() {
        return maxLength;
    }

    public boolean isEmpty() {
        return words.isEmpty();
    }

    public List<String> words() {
        return words;
    }

    /** True if a keyword starts at a word start in [from, to) of {@code text} (and ends before {@code to}). */
    public boolean anyIn(String text, int from, int to) {
        int lo = Math.max(0, from);
        int hi = Math.min(text.length(), to);
        boolean prevWord = lo > 0 && isWordChar(text.charAt(lo - 1));
        for (int i = lo; i < hi; i++) {
            char c = text.charAt(i);
            if (!prevWord && (c >= 128 || starts[c]) && matchAt(text, i, hi) > 0) {
                return true;
            }
            prevWord = c < 128 ? WORD[c] : Character.isLetterOrDigit(c);
        }
        return false;
    }

    /**
     * Windows {@code [kwStart - before, kwEnd + after]} around every keyword in the text, merged and widened to the
     * surrounding whitespace; flat {@code [start, end, ...]}.
     */
    public int[] windows(String text, int before, int after) {
        return windows(text, before, after, 0, text.length());
    }

    /**
     * As {@link #windows(String, int, int)}, for the keywords that start in [from, to) only (the windows themselves
     * may reach outside).
     */
    public int[] windows(String text, int before, int after, int from, int to) {
        int n = text.length();
        int[] out = null;
        int w = 0;
        int lo = Math.max(0, from);
        int hi = Math.min(n, to);
        boolean prevWord = lo > 0 && isWordChar(text.charAt(lo - 1));
        for (int i = lo; i < hi; i++) {
            char c = text.charAt(i);
            boolean word = c < 128 ? WORD[c] : Character.isLetterOrDigit(c);
            if (prevWord || (c < 128 && !starts[c])) {
                prevWord = word;
                continue;
            }
            int len = matchAt(text, i, n);
            if (len <= 0) {
                prevWord = word;
                continue;
            }
            int s = Math.max(0, i - before);
            while (s > 0 && !Texts.isWhitespace(text.charAt(s - 1)) && i - s < before + 64) {
                s--;
            }
            int e = Math.min(n, i + len + after);
            while (e < n && !Texts.isWhitespace(text.charAt(e)) && e - i < len + after + 64) {
                e++;
            }
            if (out == null) {
                out = new int[8];
            }
            if (w > 0 && s <= out[2 * w - 1]) {
                out[2 * w - 1] = Math.max(out[2 * w - 1], e);
            } else {
                if (2 * w + 2 > out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                out[2 * w] = s;
                out[2 * w + 1] = e;
                w++;
            }
            i += len - 1;
            prevWord = isWordChar(text.charAt(i));
        }
        return out == null ? NONE : Arrays.copyOf(out, 2 * w);
    }

    private static final int[] NONE = new int[0];

    private Bucket bucketOf(char c) {
        if (c < 128) {
            return ascii[c >= 'A' && c <= 'Z' ? c + 32 : c];
        }
        char l = Character.toLowerCase(c); // may be ASCII: the Kelvin sign is a 'k'
        return l < 128 ? ascii[l] : other.get(l);
    }

    /** Length of the keyword starting at {@code i} (a word start), or 0. */
    private int matchAt(String text, int i, int limit) {
        Bucket bucket = bucketOf(text.charAt(i));
        if (bucket == null || (i > 0 && isWordChar(text.charAt(i - 1)))) {
            return 0;
        }
        String[] candidates = bucket.words();
        for (int k = 0; k < candidates.length; k++) {
            String kw = candidates[k];
            int len = kw.length();
            if (i + len > limit || !matches(text, i, kw)) {
                continue;
            }
            if (bucket.prefix()[k] || i + len == text.length() || !Character.isLetter(text.charAt(i + len))) {
                return len;
            }
        }
        return 0;
    }

    /**
     * {@code text.regionMatches(true, i, kw, 0, kw.length())} for a lower-case keyword, with a fast path for ASCII:
     * the first char is already known to match.
     */
    private static boolean matches(String text, int i, String kw) {
        for (int j = 1; j < kw.length(); j++) {
            char t = text.charAt(i + j);
            char k = kw.charAt(j);
            if (t == k) {
                continue;
            }
            if (t < 128 && k < 128) {
                if (t >= 'A' && t <= 'Z' && t + 32 == k) {
                    continue;
                }
                return false;
            }
            if (!text.regionMatches(true, i + j, kw, j, 1)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWordChar(char c) {
        return c < 128 ? WORD[c] : Character.isLetterOrDigit(c);
    }

    /** ASCII letters and digits. */
    private static final boolean[] WORD = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            WORD[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
    }
}
