package io.shadowfeed.privacy.pii.detect.internal;

import java.util.Set;

/**
 * A set of words that can be asked about a range of a text without copying it first. Open addressing with the hashes
 * kept in their own array, so a miss (the common case) touches one array slot and no string.
 *
 * <p>{@link #folded} sets hold words folded with {@link Texts#fold}: an ASCII range is lower-cased on the fly while
 * hashing and comparing, a range with other chars falls back to {@code fold} and the backing set. {@link #exact} sets
 * compare chars as they are. Immutable and thread-safe.
 */
public final class WordSet {

    private final Set<String> words;
    private final boolean fold;
    private final String[] table;
    private final int[] hashes;
    private final int mask;

    private WordSet(Set<String> words, boolean fold) {
        this.words = Set.copyOf(words);
        this.fold = fold;
        int cap = Integer.highestOneBit(Math.max(4, words.size() * 2 + 1) - 1) << 1;
        this.table = new String[cap];
        this.hashes = new int[cap];
        this.mask = cap - 1;
        for (String w : this.words) {
            int h = w.hashCode();
            int slot = spread(h) & mask;
            while (table[slot] != null) {
                slot = (slot + 1) & mask;
            }
            table[slot] = w;
            hashes[slot] = h;
        }
    }

    /** A set of words already folded ({@link Texts#fold}), looked up case- and accent-insensitively. */
    public static WordSet folded(Set<String> foldedWords) {
        return new WordSet(foldedWords, true);
    }

    /** A set of words looked up exactly as written. */
    public static WordSet exact(Set<String> words) {
        return new WordSet(words, false);
    }

    public boolean contains(String word) {
        return contains(word, 0, word.length());
    }

    /** True if {@code text[start, end)} (folded, for a {@link #folded} set) is in the set. */
    public boolean contains(CharSequence text, int start, int end) {
        int h = 0;
        if (fold) {
            for (int i = start; i < end; i++) {
                char c = text.charAt(i);
                if (c >= 128) {
                    return words.contains(Texts.fold(text.subSequence(start, end)));
                }
                h = 31 * h + lower(c);
            }
        } else {
            for (int i = start; i < end; i++) {
                h = 31 * h + text.charAt(i);
            }
        }
        int len = end - start;
        int slot = spread(h) & mask;
        for (String w = table[slot]; w != null; slot = (slot + 1) & mask, w = table[slot]) {
            if (hashes[slot] == h && w.length() == len && equalsAt(w, text, start)) {
                return true;
            }
        }
        return false;
    }

    private boolean equalsAt(String w, CharSequence text, int start) {
        for (int i = 0; i < w.length(); i++) {
            char c = text.charAt(start + i);
            if (w.charAt(i) != (fold ? lower(c) : c)) {
                return false;
            }
        }
        return true;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }
}
