package io.shadowfeed.privacy.pii.detect;

import io.shadowfeed.privacy.pii.detect.internal.Texts;
import java.util.Arrays;
import java.util.Locale;

/**
 * One text being analyzed, with the cheap pre-screens that detectors share, computed once and lazily: the "digit
 * windows" (runs of whitespace-separated tokens that contain digits, joined across at most one short token without
 * digits, so "GB82 WEST 1234 ..." is one window) with, per window, its digit count, its longest token and which ASCII
 * characters it contains; windows around literals; and an optional region hint (the row's country) for detectors
 * whose rules depend on the region (phone numbers). Detectors that need digits run their patterns only inside these
 * windows, and only in windows that pass their trigger's checks. Not thread-safe: one per analysis call.
 */
public final class TextContext {

    private static final int MAX_GAP_TOKEN = 6;
    private static final int LITERAL_REACH = 256;

    private final String text;
    private final String region;
    private int[] digitWindows;
    private int[] digitCounts;
    private int[] longestTokens;
    private int[] digitRuns;
    /** Two longs per window: bit c of the pair is set when ASCII char c occurs in the window. */
    private long[] charMasks;

    private TextContext(String text, String region) {
        this.text = text;
        this.region = region;
    }

    /** A context for {@code text}; null is treated as the empty text. */
    public static TextContext of(String text) {
        return new TextContext(text == null ? "" : text, null);
    }

    /**
     * A context for {@code text} with a region hint (ISO 3166 alpha-2, e.g. the row's country; case-insensitive),
     * or none when {@code region} is null or blank.
     */
    public static TextContext of(String text, String region) {
        String r = region == null || region.isBlank() ? null : region.strip().toUpperCase(Locale.ROOT);
        return new TextContext(text == null ? "" : text, r);
    }

    public String text() {
        return text;
    }

    /** The region hint in upper case, or null. */
    public String region() {
        return region;
    }

    /** Digit windows as a flat array {@code [start0, end0, start1, end1, ...]}. */
    public int[] digitWindows() {
        if (digitWindows == null) {
            computeDigitWindows();
        }
        return digitWindows;
    }

    /** Number of ASCII digits in each digit window. */
    public int[] digitCounts() {
        if (digitWindows == null) {
            computeDigitWindows();
        }
        return digitCounts;
    }

    /** Length of the longest whitespace-delimited token of each digit window. */
    public int[] longestTokens() {
        if (digitWindows == null) {
            computeDigitWindows();
        }
        return longestTokens;
    }

    /** Length of the longest run of consecutive ASCII digits in each digit window. */
    public int[] longestDigitRuns() {
        if (digitWindows == null) {
            computeDigitWindows();
        }
        return digitRuns;
    }

    /** True if digit window {@code k} contains one of the ASCII characters of {@code mask} (see {@link #charMask}). */
    public boolean windowHasAny(int k, long[] mask) {
        if (digitWindows == null) {
            computeDigitWindows();
        }
        return (charMasks[2 * k] & mask[0]) != 0 || (charMasks[2 * k + 1] & mask[1]) != 0;
    }

    /** The mask of the ASCII characters in {@code chars}, for {@link #windowHasAny}; non-ASCII chars are ignored. */
    public static long[] charMask(CharSequence chars) {
        long[] m = new long[2];
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            if (c < 64) {
                m[0] |= 1L << c;
            } else if (c < 128) {
                m[1] |= 1L << (c - 64);
            }
        }
        return m;
    }

    /**
     * Finds each token with a digit by searching for the next digit (most text has none) and widening to the
     * whitespace around it; the text between two such tokens is looked at only to count the tokens in the gap.
     */
    private void computeDigitWindows() {
        String t = text;
        int n = t.length();
        int[] win = new int[16];
        int[] counts = new int[8];
        int[] longest = new int[8];
        int[] runs = new int[8];
        long[] masks = new long[16];
        int w = 0;
        int open = -1;
        int prevEnd = 0;
        int i = 0;
        while (true) {
            while (i < n) {
                char c = t.charAt(i);
                if (c >= '0' && c <= '9') {
                    break;
                }
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            while (start > prevEnd && !Texts.isWhitespace(t.charAt(start - 1))) {
                start--;
            }
            int digits = 0;
            int run = 0;
            int maxRun = 0;
            long lo = 0;
            long hi = 0;
            int end = start;
            while (end < n) {
                char c = t.charAt(end);
                if (c >= '0' && c <= '9') {
                    digits++;
                    maxRun = Math.max(maxRun, ++run);
                } else {
                    run = 0;
                }
                if (c < 64) {
                    if (c <= ' ' && Texts.isWhitespace(c)) {
                        break;
                    }
                    lo |= 1L << c;
                } else if (c < 128) {
                    hi |= 1L << (c - 64);
                } else if (Texts.isWhitespace(c)) {
                    break;
                }
                end++;
            }
            int len = end - start;
            boolean join = false;
            if (open >= 0) {
                // at most one digit-free token of at most MAX_GAP_TOKEN chars between this token and the window
                int q = prevEnd;
                int gapTokens = 0;
                long gapLo = 0;
                long gapHi = 0;
                int gapLength = 0;
                join = true;
                while (q < start) {
                    while (q < start && Texts.isWhitespace(t.charAt(q))) {
                        q++;
                    }
                    if (q >= start) {
                        break;
                    }
                    int ts = q;
                    while (q < start && !Texts.isWhitespace(t.charAt(q))) {
                        char c = t.charAt(q);
                        if (c < 64) {
                            gapLo |= 1L << c;
                        } else if (c < 128) {
                            gapHi |= 1L << (c - 64);
                        }
                        q++;
                    }
                    gapLength = q - ts;
                    if (++gapTokens > 1 || gapLength > MAX_GAP_TOKEN) {
                        join = false;
                        break;
                    }
                }
                if (join) {
                    lo |= gapLo;
                    hi |= gapHi;
                    len = Math.max(len, gapLength);
                }
            }
            if (join) {
                win[2 * open + 1] = end;
                counts[open] += digits;
                longest[open] = Math.max(longest[open], len);
                runs[open] = Math.max(runs[open], maxRun);
                masks[2 * open] |= lo;
                masks[2 * open + 1] |= hi;
            } else {
                if (w == counts.length) {
                    win = Arrays.copyOf(win, win.length * 2);
                    counts = Arrays.copyOf(counts, counts.length * 2);
                    longest = Arrays.copyOf(longest, longest.length * 2);
                    runs = Arrays.copyOf(runs, runs.length * 2);
                    masks = Arrays.copyOf(masks, masks.length * 2);
                }
                win[2 * w] = start;
                win[2 * w + 1] = end;
                counts[w] = digits;
                longest[w] = len;
                runs[w] = maxRun;
                masks[2 * w] = lo;
                masks[2 * w + 1] = hi;
                open = w;
                w++;
            }
            prevEnd = end;
            i = end;
        }
        digitWindows = Arrays.copyOf(win, 2 * w);
        digitCounts = Arrays.copyOf(counts, w);
        longestTokens = Arrays.copyOf(longest, w);
        digitRuns = Arrays.copyOf(runs, w);
        charMasks = Arrays.copyOf(masks, 2 * w);
    }

    /**
     * Windows around each occurrence of any of {@code literals}: from the occurrence out to the surrounding whitespace
     * (at most 256 chars each way), merged; flat {@code [start, end, ...]} in text order.
     */
    public int[] literalWindows(String... literals) {
        if (literals.length == 1) {
            return windowsOf(literals[0]);
        }
        int[] out = new int[8];
        int w = 0;
        int[][] per = new int[literals.length][];
        for (int k = 0; k < literals.length; k++) {
            per[k] = windowsOf(literals[k]);
        }
        // merge the per-literal lists (each sorted) into one sorted, non-overlapping list
        int[] idx = new int[literals.length];
        while (true) {
            int best = -1;
            for (int k = 0; k < literals.length; k++) {
                if (idx[k] < per[k].length && (best < 0 || per[k][idx[k]] < per[best][idx[best]])) {
                    best = k;
                }
            }
            if (best < 0) {
                break;
            }
            int s = per[best][idx[best]];
            int e = per[best][idx[best] + 1];
            idx[best] += 2;
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
        }
        return Arrays.copyOf(out, 2 * w);
    }

    private static final int[] NONE = new int[0];

    private int[] windowsOf(String literal) {
        int n = text.length();
        int at = text.indexOf(literal);
        if (at < 0) {
            return NONE;
        }
        int[] out = new int[8];
        int w = 0;
        while (at >= 0) {
            int s = at;
            int limit = Math.max(0, at - LITERAL_REACH);
            while (s > limit && !Texts.isWhitespace(text.charAt(s - 1))) {
                s--;
            }
            int e = at + literal.length();
            int elimit = Math.min(n, e + LITERAL_REACH);
            while (e < elimit && !Texts.isWhitespace(text.charAt(e))) {
                e++;
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
            at = text.indexOf(literal, Math.max(e, at + 1));
        }
        return Arrays.copyOf(out, 2 * w);
    }
}
