package io.shadowfeed.privacy.pii.policy;

import java.nio.charset.StandardCharsets;

/**
 * Replaces every letter and digit with {@code '*'} except the last {@code keepLast} of them, and keeps every other
 * character, so the format stays readable: {@code +49 0711 2842222} becomes {@code +** **** ***2222}.
 *
 * <p>Works on code points, so surrogate pairs, combining marks and right-to-left text are never split; an unpaired
 * surrogate is treated as a single symbol and masked. Non-string values are masked through their decimal or UTF-8
 * text, and the output field becomes a string.
 */
public final class MaskPolicy implements FieldPolicy {

    private static final long serialVersionUID = 1L;

    static final char MASK = '*';

    private final int keepLast;

    MaskPolicy(int keepLast) {
        if (keepLast < 0) {
            throw new IllegalArgumentException("mask: keepLast must be >= 0. Provided value: " + keepLast);
        }
        this.keepLast = keepLast;
    }

    public int keepLast() {
        return keepLast;
    }

    @Override
    public String spec() {
        return "mask:" + keepLast;
    }

    @Override
    public OutputShape outputShape() {
        return OutputShape.STRING;
    }

    @Override
    public Object apply(Object value) {
        if (value == null) {
            return null;
        }
        String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value.toString();
        return mask(text);
    }

    String mask(String text) {
        int maskable = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (isMaskable(cp)) {
                maskable++;
            }
            i += Character.charCount(cp);
        }
        int toMask = Math.max(0, maskable - keepLast);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (isMaskable(cp) && toMask > 0) {
                out.append(MASK);
                toMask--;
            } else {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    static boolean isMaskable(int codePoint) {
        return Character.isLetterOrDigit(codePoint) || Character.isSurrogate((char) codePoint)
                || Character.getType(codePoint) == Character.OTHER_SYMBOL;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MaskPolicy other && keepLast == other.keepLast;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(keepLast);
    }

    @Override
    public String toString() {
        return "MaskPolicy[" + spec() + "]";
    }
}
