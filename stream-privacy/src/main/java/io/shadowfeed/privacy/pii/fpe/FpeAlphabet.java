package io.shadowfeed.privacy.pii.fpe;

/**
 * The characters a format-preserving cipher works on, and their numeral values. Characters outside the alphabet are
 * not encrypted: they stay where they are (separators in card and phone numbers).
 */
public enum FpeAlphabet {
    /** Radix 10: {@code 0-9}. */
    DIGITS("digits", "0123456789", false),
    /**
     * Radix 36: {@code 0-9a-z}, as in NIST's FF1 samples. Letters are read case-insensitively and written lowercase,
     * so decryption gives the lowercased plaintext.
     */
    ALNUM("alnum", "0123456789abcdefghijklmnopqrstuvwxyz", true),
    /** Radix 62: {@code 0-9a-zA-Z}, case-sensitive: decryption gives the exact plaintext. */
    ALNUM_CASED("alnum62", "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", false);

    private final String specName;
    private final char[] symbols;
    private final byte[] values = new byte[128];
    private final int minLength;

    FpeAlphabet(String specName, String symbols, boolean caseInsensitive) {
        this.specName = specName;
        this.symbols = symbols.toCharArray();
        java.util.Arrays.fill(values, (byte) -1);
        for (int i = 0; i < this.symbols.length; i++) {
            values[this.symbols[i]] = (byte) i;
            if (caseInsensitive && Character.isLetter(this.symbols[i])) {
                values[Character.toUpperCase(this.symbols[i])] = (byte) i;
            }
        }
        this.minLength = Ff1.minLength(this.symbols.length);
    }

    /** The name used in policy specs: {@code digits}, {@code alnum}, {@code alnum62}. */
    public String specName() {
        return specName;
    }

    public int radix() {
        return symbols.length;
    }

    /** The numeral of {@code c}, or -1 if {@code c} is not in the alphabet. */
    public int valueOf(char c) {
        return c < 128 ? values[c] : -1;
    }

    public char symbol(int numeral) {
        return symbols[numeral];
    }

    /** The fewest numerals FF1 accepts in this radix (NIST: radix^length >= 1,000,000). */
    public int minLength() {
        return minLength;
    }

    /** @throws IllegalArgumentException listing the known names */
    public static FpeAlphabet bySpecName(String name) {
        for (FpeAlphabet alphabet : values()) {
            if (alphabet.specName.equals(name)) {
                return alphabet;
            }
        }
        throw new IllegalArgumentException("unknown alphabet '" + name + "'; known: [digits, alnum, alnum62]");
    }
}
