package io.shadowfeed.privacy.pii.policy;

import io.shadowfeed.privacy.keys.KeyReference;
import io.shadowfeed.privacy.pii.fpe.Ff1;
import io.shadowfeed.privacy.pii.fpe.FpeAlphabet;
import io.shadowfeed.privacy.pii.fpe.FpeDomainException;
import io.shadowfeed.privacy.pii.fpe.FpeText;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Format-preserving encryption with FF1-AES-256 (NIST SP 800-38G) under a subkey of the referenced key: reversible
 * with the key ({@link #decrypt}), a bijection (distinct inputs never collide), and the output has the input's type
 * and layout.
 *
 * <ul>
 *   <li>Text: the characters of the alphabet ({@code digits}: 0-9; {@code alnum}: 0-9a-z read case-insensitively,
 *       written lowercase; {@code alnum62}: 0-9a-zA-Z) are encrypted together, every other character stays where it
 *       is: {@code 4111 1111 1111 1111} keeps its spaces, {@code +49 30 1234567} its plus. Characters outside the
 *       alphabet (letters in a {@code digits} field, non-ASCII text) pass through: choose the alphabet that covers
 *       the field.
 *   <li>{@code Integer} and {@code Long}: FF1 in radix 2 over the 31 or 63 bits of the magnitude, keeping the sign,
 *       so the result is any int (long) of the same sign: a bijection on the type. The digit count is not kept.
 *   <li>{@code Boolean}: flipped or not by a keyed bit (its own inverse). {@code byte[]}: its UTF-8 text.
 * </ul>
 *
 * <p><b>Short values.</b> NIST forbids FF1 on domains under one million values (fewer than 6 digits, or 4 alnum
 * characters). Such values, and values of types FF1 cannot carry exactly ({@code Float}, {@code Double},
 * {@code BigDecimal}, {@code Short}, {@code Byte}), are not encrypted but pseudonymized one-way (keyed, deterministic,
 * format-kept, as {@code pseudonymize:digits} does); {@link #decrypt} refuses them. Pipelines whose values can be
 * this short should use {@code pseudonymize} for those fields.
 *
 * <p>The tweak is public per-field variation: the same value under different tweaks encrypts differently. Keys that
 * must join across topics need the same tweak (and key id) on both sides.
 */
public final class EncryptPolicy implements FieldPolicy {

    private static final long serialVersionUID = 1L;

    /** Subkey labels: changing them changes every ciphertext. */
    static final String FF1_PURPOSE = "shadowfeed/encrypt/ff1-aes256/v1";
    static final String SHORT_PURPOSE = "shadowfeed/encrypt/short-values/v1";

    private static final byte SHORT_DOMAIN = 'E';
    private static final byte BOOLEAN_DOMAIN = 'B';

    private final FpeAlphabet alphabet;
    private final String tweak;
    private final KeyReference key;

    private transient volatile State state;

    EncryptPolicy(FpeAlphabet alphabet, String tweak, KeyReference key) {
        this.alphabet = Objects.requireNonNull(alphabet, "alphabet");
        this.tweak = tweak == null ? "" : tweak;
        this.key = Objects.requireNonNull(key, "key");
        if (this.tweak.indexOf('@') >= 0 || this.tweak.indexOf(':') >= 0 || this.tweak.length() > 64) {
            throw new IllegalArgumentException("an encrypt tweak must be at most 64 characters without ':' or '@'. "
                    + "Provided value: " + this.tweak);
        }
    }

    public FpeAlphabet alphabet() {
        return alphabet;
    }

    /** The tweak text (UTF-8 bytes are the FF1 tweak); empty if none. */
    public String tweak() {
        return tweak;
    }

    public KeyReference key() {
        return key;
    }

    @Override
    public String spec() {
        return "encrypt:" + alphabet.specName() + (tweak.isEmpty() ? "" : ":" + tweak)
                + PseudonymizePolicy.keySuffix(key);
    }

    @Override
    public OutputShape outputShape() {
        return OutputShape.SAME_TYPE;
    }

    @Override
    public void open() {
        state();
    }

    @Override
    public Object apply(Object value) {
        return value == null ? null : transform(value, true);
    }

    /**
     * The inverse of {@link #apply(Object)} for values it encrypted.
     *
     * @throws FpeDomainException for values {@code apply} pseudonymized one-way (too short, floating point)
     */
    public Object decrypt(Object value) {
        return value == null ? null : transform(value, false);
    }

    private Object transform(Object value, boolean encrypt) {
        State s = state();
        if (value instanceof Integer i) {
            return (int) s.integral(i, 31, encrypt);
        }
        if (value instanceof Long l) {
            return s.integral(l, 63, encrypt);
        }
        if (value instanceof Boolean b) {
            boolean flip = (s.shortValues.mac(BOOLEAN_DOMAIN, tweak)[0] & 1) == 1;
            return b ^ flip;
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal
                || value instanceof Short || value instanceof Byte) {
            if (!encrypt) {
                throw new FpeDomainException("values of type " + value.getClass().getSimpleName()
                        + " are pseudonymized one-way by encrypt and cannot be decrypted");
            }
            return s.oneWay(value);
        }
        if (value instanceof BigInteger integer) {
            return new BigInteger(s.text(integer.toString(), encrypt));
        }
        if (value instanceof byte[] bytes) {
            return s.text(new String(bytes, StandardCharsets.UTF_8), encrypt).getBytes(StandardCharsets.UTF_8);
        }
        return s.text(Values.text(value), encrypt);
    }

    private State state() {
        State s = state;
        if (s == null) {
            synchronized (this) {
                s = state;
                if (s == null) {
                    var material = key.resolve();
                    byte[] tweakBytes = tweak.getBytes(StandardCharsets.UTF_8);
                    Ff1 ff1 = Ff1.withKey(material.derive(FF1_PURPOSE, 32));
                    s = new State(ff1, new FpeText(ff1, alphabet, tweakBytes), tweakBytes,
                            new KeyedHmac(material.derive(SHORT_PURPOSE, KeyedHmac.LENGTH)));
                    state = s;
                }
            }
        }
        return s;
    }

    /** The resolved key's working objects; never serialized. */
    final class State {
        final Ff1 ff1;
        final FpeText text;
        final byte[] tweakBytes;
        final KeyedHmac shortValues;

        State(Ff1 ff1, FpeText text, byte[] tweakBytes, KeyedHmac shortValues) {
            this.ff1 = ff1;
            this.text = text;
            this.tweakBytes = tweakBytes;
            this.shortValues = shortValues;
        }

        /** FF1 radix 2 over the magnitude bits: x >= 0 maps to [0, 2^bits), x < 0 through ~x, keeping the sign. */
        long integral(long value, int bits, boolean encrypt) {
            boolean negative = value < 0;
            long magnitude = negative ? ~value : value;
            int[] numerals = new int[bits];
            for (int i = bits - 1; i >= 0; i--) {
                numerals[i] = (int) (magnitude & 1);
                magnitude >>>= 1;
            }
            int[] out = encrypt ? ff1.encrypt(numerals, 2, tweakBytes) : ff1.decrypt(numerals, 2, tweakBytes);
            long result = 0;
            for (int bit : out) {
                result = (result << 1) | bit;
            }
            return negative ? ~result : result;
        }

        String text(String value, boolean encrypt) {
            if (text.isEncryptable(value)) {
                return encrypt ? text.encrypt(value) : text.decrypt(value);
            }
            if (!encrypt) {
                throw new FpeDomainException("a value with " + text.numeralCount(value) + " characters of the '"
                        + alphabet.specName() + "' alphabet is below FF1's minimum of " + alphabet.minLength()
                        + "; encrypt pseudonymized it one-way and it cannot be decrypted");
            }
            return shortValue(value);
        }

        /** Numbers FF1 cannot carry exactly: digits replaced by keyed pseudorandom ones, sign and type kept. */
        Object oneWay(Object value) {
            if (value instanceof Short v) {
                return (short) boundedInteger(v, Short.MAX_VALUE);
            }
            if (value instanceof Byte v) {
                return (byte) boundedInteger(v, Byte.MAX_VALUE);
            }
            if (value instanceof BigDecimal decimal) {
                return new BigDecimal(digits(decimal.toPlainString()));
            }
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                return value;
            }
            String digits = digits(BigDecimal.valueOf(d).toPlainString());
            return value instanceof Double ? (Object) Double.parseDouble(digits) : (Object) Float.parseFloat(digits);
        }

        private long boundedInteger(long value, long max) {
            KeyedStream stream = new KeyedStream(shortValues, shortValues.mac(SHORT_DOMAIN, tweak + '\0' + value));
            long magnitude = stream.between(0, max);
            return value < 0 ? -magnitude : magnitude;
        }

        private String digits(String plain) {
            KeyedStream stream = new KeyedStream(shortValues, shortValues.mac(SHORT_DOMAIN, tweak + '\0' + plain));
            return PseudonymizePolicy.pseudoDigits(stream, plain);
        }

        /** Alphabet characters replaced by keyed pseudorandom ones; one-way. */
        String shortValue(String value) {
            KeyedStream stream = new KeyedStream(shortValues, shortValues.mac(SHORT_DOMAIN, tweak + '\0' + value));
            char[] chars = value.toCharArray();
            for (int i = 0; i < chars.length; i++) {
                if (alphabet.valueOf(chars[i]) >= 0) {
                    chars[i] = alphabet.symbol(stream.below(alphabet.radix()));
                }
            }
            return new String(chars);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncryptPolicy other && alphabet == other.alphabet && tweak.equals(other.tweak)
                && key.equals(other.key);
    }

    @Override
    public int hashCode() {
        return Objects.hash(alphabet, tweak, key);
    }

    @Override
    public String toString() {
        return "EncryptPolicy[" + spec() + ", " + key + "]";
    }
}
