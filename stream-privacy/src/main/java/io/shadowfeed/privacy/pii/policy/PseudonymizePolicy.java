package io.shadowfeed.privacy.pii.policy;

import io.shadowfeed.privacy.keys.KeyReference;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Replaces a value by a keyed pseudonym: HMAC-SHA256 under a subkey of the referenced key, so the same value and the
 * same key id give the same pseudonym in every record, topic and run, and nobody without the key can compute or
 * reverse it. This is how keys stay joinable: a foreign key uses its parent key's policy (equal policies, equal
 * pseudonyms), and {@link #equals} says whether two fields' policies agree ({@code (key, format)}).
 *
 * <p>Formats:
 * <ul>
 *   <li>{@code token}: an optional prefix and 26 lowercase base32 characters (the first 128 bits of the HMAC), such
 *       as {@code cus_mfrggzdfmztwq2lkmnxw4ylb} (output: string). The prefix names a key space and enters the HMAC,
 *       so the same value under two prefixes gets unrelated tokens;
 *   <li>{@code uuid}: an RFC 9562 UUID of version 8 (custom) built from the first 128 bits (output: string);
 *   <li>{@code digits}: the same type and layout with pseudorandom digits (output: the input's type). Text keeps its
 *       ASCII separators ({@code -}, spaces, dots...) where they are and has every other character (digits,
 *       letters, non-ASCII symbols) replaced by one digit; the first digit is 1-9 unless the input's first symbol is
 *       {@code 0}, so numbers keep their digit count. Integers keep their sign and digit count (an int or long
 *       with as many digits as the type's maximum is mapped into [10^(n-1), MAX_VALUE] of its type), so
 *       {@code 42}, {@code 42L} and {@code "42"} give the same number. Digits are drawn without bias.
 * </ul>
 *
 * <p>{@code digits} is a keyed hash, not a permutation: two values can collide, with probability about
 * k^2 / (2 * 9 * 10^(n-1)) among k distinct values of n digits. Use it where the digit space is much larger than the
 * square of the number of values, or use {@code encrypt} (a bijection) for short numeric keys.
 */
public final class PseudonymizePolicy implements FieldPolicy {

    private static final long serialVersionUID = 1L;

    /** The subkey label: changing it changes every pseudonym. */
    static final String PURPOSE = "shadowfeed/pseudonymize/v1";

    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_.-]{1,16}");
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** The shapes a pseudonym can take. */
    public enum Format {
        TOKEN("token", (byte) 'T'),
        DIGITS("digits", (byte) 'D'),
        UUID("uuid", (byte) 'U');

        private final String specName;
        private final byte domain;

        Format(String specName, byte domain) {
            this.specName = specName;
            this.domain = domain;
        }

        public String specName() {
            return specName;
        }

        /** @throws IllegalArgumentException listing the known names */
        public static Format bySpecName(String name) {
            for (Format format : values()) {
                if (format.specName.equals(name)) {
                    return format;
                }
            }
            throw new IllegalArgumentException("unknown pseudonym format '" + name + "'; known: [token, digits, uuid]");
        }
    }

    private final Format format;
    private final String prefix;
    /** The prefix as HMAC scope, computed once: tokens are on the per-record path. */
    private final byte[] prefixScope;
    private final KeyReference key;

    private transient volatile KeyedHmac hmac;

    PseudonymizePolicy(Format format, String prefix, KeyReference key) {
        this.format = Objects.requireNonNull(format, "format");
        this.key = Objects.requireNonNull(key, "key");
        this.prefix = prefix == null ? "" : prefix;
        this.prefixScope = this.prefix.getBytes(StandardCharsets.US_ASCII);
        if (!this.prefix.isEmpty() && (format != Format.TOKEN || !PREFIX.matcher(this.prefix).matches())) {
            throw new IllegalArgumentException("a pseudonym prefix must be 1 to 16 characters of [A-Za-z0-9_.-] "
                    + "and is only allowed for tokens. Provided value: " + this.prefix);
        }
    }

    public Format format() {
        return format;
    }

    /** The token prefix, empty if none. */
    public String prefix() {
        return prefix;
    }

    public KeyReference key() {
        return key;
    }

    @Override
    public String spec() {
        return "pseudonymize:" + format.specName + (prefix.isEmpty() ? "" : ":" + prefix) + keySuffix(key);
    }

    @Override
    public OutputShape outputShape() {
        return format == Format.DIGITS ? OutputShape.SAME_TYPE : OutputShape.STRING;
    }

    @Override
    public void open() {
        hmac();
    }

    @Override
    public Object apply(Object value) {
        if (value == null) {
            return null;
        }
        KeyedHmac h = hmac();
        return switch (format) {
            // A prefix names a key space: customer 1 and invoice 1 must not share a pseudonym.
            case TOKEN -> token(prefix.isEmpty() ? h.mac(format.domain, value)
                    : h.mac(format.domain, prefixScope, value));
            case UUID -> uuid(h.mac(format.domain, value));
            case DIGITS -> digits(h, value);
        };
    }

    private String token(byte[] tag) {
        // 16 bytes = 128 bits -> 26 base32 characters (the last one carries 3 bits)
        char[] out = new char[prefix.length() + 26];
        prefix.getChars(0, prefix.length(), out, 0);
        int position = prefix.length();
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < 16; i++) {
            buffer = (buffer << 8) | (tag[i] & 0xff);
            bits += 8;
            while (bits >= 5) {
                out[position++] = BASE32[(buffer >>> (bits - 5)) & 31];
                bits -= 5;
            }
        }
        out[position] = BASE32[(buffer << (5 - bits)) & 31];
        return new String(out);
    }

    private static String uuid(byte[] tag) {
        tag[6] = (byte) ((tag[6] & 0x0f) | 0x80); // version 8: custom (RFC 9562)
        tag[8] = (byte) ((tag[8] & 0x3f) | 0x80); // variant 10
        char[] out = new char[36];
        int position = 0;
        for (int i = 0; i < 16; i++) {
            if (i == 4 || i == 6 || i == 8 || i == 10) {
                out[position++] = '-';
            }
            out[position++] = HEX[(tag[i] >>> 4) & 15];
            out[position++] = HEX[tag[i] & 15];
        }
        return new String(out);
    }

    private Object digits(KeyedHmac h, Object value) {
        if (value instanceof Integer i) {
            return (int) integral(h, i, Integer.MAX_VALUE);
        }
        if (value instanceof Long l) {
            return integral(h, l, Long.MAX_VALUE);
        }
        if (value instanceof Short s) {
            return (short) integral(h, s, Short.MAX_VALUE);
        }
        if (value instanceof Byte b) {
            return (byte) integral(h, b, Byte.MAX_VALUE);
        }
        if (value instanceof Boolean) {
            return (h.mac(format.domain, value)[0] & 1) == 1;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                return value;
            }
            String digits = digitText(h, BigDecimal.valueOf(d).toPlainString(), value);
            return value instanceof Double ? (Object) Double.parseDouble(digits) : (Object) Float.parseFloat(digits);
        }
        if (value instanceof BigDecimal decimal) {
            return new BigDecimal(digitText(h, decimal.toPlainString(), value));
        }
        if (value instanceof BigInteger integer) {
            return new BigInteger(digitText(h, integer.toString(), value));
        }
        if (value instanceof byte[] bytes) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            return digitText(h, text, text).getBytes(StandardCharsets.UTF_8);
        }
        String text = Values.text(value);
        return digitText(h, text, value);
    }

    private long integral(KeyedHmac h, long value, long typeMax) {
        String magnitude = Long.toString(value);
        boolean negative = value < 0;
        if (negative) {
            magnitude = magnitude.substring(1);
        }
        int n = magnitude.length();
        KeyedStream stream = new KeyedStream(h, h.mac(format.domain, value));
        long result;
        if (n < Long.toString(typeMax).length()) {
            result = Long.parseLong(pseudoDigits(stream, magnitude));
        } else {
            result = stream.between(pow10(n - 1), typeMax);
        }
        return negative ? -result : result;
    }

    private String digitText(KeyedHmac h, String text, Object hashed) {
        return pseudoDigits(new KeyedStream(h, h.mac(format.domain, hashed)), text);
    }

    /**
     * Every symbol that is not an ASCII separator becomes a digit; the first becomes 1-9 unless it was '0'.
     */
    static String pseudoDigits(KeyedStream stream, String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean first = true;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80 && !Character.isLetterOrDigit(cp)) {
                out.append((char) cp);
                continue;
            }
            int digit = first && cp != '0' ? stream.nonZeroDigit() : stream.digit();
            out.append((char) ('0' + digit));
            first = false;
        }
        return out.toString();
    }

    private static long pow10(int exponent) {
        long value = 1;
        for (int i = 0; i < exponent; i++) {
            value *= 10;
        }
        return value;
    }

    private KeyedHmac hmac() {
        KeyedHmac h = hmac;
        if (h == null) {
            synchronized (this) {
                h = hmac;
                if (h == null) {
                    h = new KeyedHmac(key.resolve().derive(PURPOSE, KeyedHmac.LENGTH));
                    hmac = h;
                }
            }
        }
        return h;
    }

    static String keySuffix(KeyReference key) {
        return key.isPinned() ? "@" + key.keyId() : "";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PseudonymizePolicy other && format == other.format && prefix.equals(other.prefix)
                && key.equals(other.key);
    }

    @Override
    public int hashCode() {
        return Objects.hash(format, prefix, key);
    }

    @Override
    public String toString() {
        return "PseudonymizePolicy[" + spec() + ", " + key + "]";
    }
}
