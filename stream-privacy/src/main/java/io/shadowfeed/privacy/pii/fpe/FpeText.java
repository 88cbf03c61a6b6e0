package io.shadowfeed.privacy.pii.fpe;

import java.util.Arrays;
import java.util.Objects;

/**
 * FF1 over the alphabet characters of a text, leaving every other character where it is: {@code 4111-1111-1111-1111}
 * stays a dash-separated group of four, {@code +49 30 1234567} keeps its plus and spaces.
 *
 * <p>Texts with up to {@link #SINGLE_CALL_MAX} alphabet characters are one FF1 call with the given tweak, so they
 * interoperate with any other FF1 implementation. Longer texts (which no card or phone number is) are split into
 * chunks of {@link #CHUNK} numerals, the last chunk taking the remainder, each encrypted with the tweak
 * {@code tweak || 0xFF || chunk index (4 bytes)}; equal chunks at the same position encrypt equally.
 *
 * <p>Immutable and thread-safe.
 */
public final class FpeText {

    /** The most alphabet characters encrypted in a single FF1 call. */
    public static final int SINGLE_CALL_MAX = 128;
    /** The chunk size for longer texts. */
    public static final int CHUNK = 64;

    private final Ff1 ff1;
    private final FpeAlphabet alphabet;
    private final byte[] tweak;

    public FpeText(Ff1 ff1, FpeAlphabet alphabet, byte[] tweak) {
        this.ff1 = Objects.requireNonNull(ff1, "ff1");
        this.alphabet = Objects.requireNonNull(alphabet, "alphabet");
        this.tweak = Objects.requireNonNull(tweak, "tweak").clone();
    }

    public FpeAlphabet alphabet() {
        return alphabet;
    }

    /** How many characters of {@code text} are in the alphabet (the numerals FF1 would see). */
    public int numeralCount(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (alphabet.valueOf(text.charAt(i)) >= 0) {
                count++;
            }
        }
        return count;
    }

    /** Whether {@code text} has enough alphabet characters for FF1 ({@link FpeAlphabet#minLength()}). */
    public boolean isEncryptable(String text) {
        return numeralCount(text) >= alphabet.minLength();
    }

    /**
     * @throws FpeDomainException if the text has fewer alphabet characters than {@link FpeAlphabet#minLength()}
     */
    public String encrypt(String text) {
        return run(text, true);
    }

    /** The inverse of {@link #encrypt}; for {@link FpeAlphabet#ALNUM} the result is lowercase. */
    public String decrypt(String text) {
        return run(text, false);
    }

    private String run(String text, boolean encrypt) {
        int count = numeralCount(text);
        if (count < alphabet.minLength()) {
            throw new FpeDomainException("'" + alphabet.specName() + "' FF1 needs at least " + alphabet.minLength()
                    + " characters of its alphabet (a domain of at least " + Ff1.MIN_DOMAIN_SIZE + " values). "
                    + "Provided count: " + count);
        }
        int[] numerals = new int[count];
        for (int i = 0, k = 0; i < text.length(); i++) {
            int value = alphabet.valueOf(text.charAt(i));
            if (value >= 0) {
                numerals[k++] = value;
            }
        }
        int[] out = count <= SINGLE_CALL_MAX ? cipher(numerals, tweak, encrypt) : chunked(numerals, encrypt);
        char[] chars = text.toCharArray();
        for (int i = 0, k = 0; i < chars.length; i++) {
            if (alphabet.valueOf(chars[i]) >= 0) {
                chars[i] = alphabet.symbol(out[k++]);
            }
        }
        return new String(chars);
    }

    private int[] chunked(int[] numerals, boolean encrypt) {
        int[] out = new int[numerals.length];
        int chunks = numerals.length / CHUNK;
        byte[] chunkTweak = Arrays.copyOf(tweak, tweak.length + 5);
        chunkTweak[tweak.length] = (byte) 0xFF;
        for (int c = 0; c < chunks; c++) {
            int from = c * CHUNK;
            int to = c == chunks - 1 ? numerals.length : from + CHUNK;
            chunkTweak[tweak.length + 1] = (byte) (c >>> 24);
            chunkTweak[tweak.length + 2] = (byte) (c >>> 16);
            chunkTweak[tweak.length + 3] = (byte) (c >>> 8);
            chunkTweak[tweak.length + 4] = (byte) c;
            int[] part = cipher(Arrays.copyOfRange(numerals, from, to), chunkTweak, encrypt);
            System.arraycopy(part, 0, out, from, part.length);
        }
        return out;
    }

    private int[] cipher(int[] numerals, byte[] tweak, boolean encrypt) {
        return encrypt ? ff1.encrypt(numerals, alphabet.radix(), tweak) : ff1.decrypt(numerals, alphabet.radix(),
                tweak);
    }
}
