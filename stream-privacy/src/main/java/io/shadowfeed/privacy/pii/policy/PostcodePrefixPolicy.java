package io.shadowfeed.privacy.pii.policy;

/**
 * Keeps the first {@code n} letters and digits of a postcode and masks the rest with {@code '*'}, keeping spaces and
 * dashes: with n = 2, {@code 70174} becomes {@code 70***} and {@code SW1V 3EN} becomes {@code SW** ***}. The kept
 * prefix is a region (a German two-digit zone, a UK area). Output: string.
 */
public final class PostcodePrefixPolicy implements FieldPolicy {

    private static final long serialVersionUID = 1L;

    private final int keepFirst;

    PostcodePrefixPolicy(int keepFirst) {
        if (keepFirst < 0) {
            throw new IllegalArgumentException("postcode prefix length must be >= 0. Provided value: " + keepFirst);
        }
        this.keepFirst = keepFirst;
    }

    public int keepFirst() {
        return keepFirst;
    }

    @Override
    public String spec() {
        return "generalize:postcode:" + keepFirst;
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
        String text = Values.text(value);
        StringBuilder out = new StringBuilder(text.length());
        int kept = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (MaskPolicy.isMaskable(cp)) {
                if (kept < keepFirst) {
                    out.appendCodePoint(cp);
                    kept++;
                } else {
                    out.append(MaskPolicy.MASK);
                }
            } else {
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PostcodePrefixPolicy other && keepFirst == other.keepFirst;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(keepFirst);
    }

    @Override
    public String toString() {
        return "PostcodePrefixPolicy[" + spec() + "]";
    }
}
