package io.shadowfeed.privacy.pii.policy;

/** Passes the value through unchanged. For fields known to carry no personal data. */
public final class KeepPolicy implements FieldPolicy {

    private static final long serialVersionUID = 1L;

    static final KeepPolicy INSTANCE = new KeepPolicy();

    private KeepPolicy() {}

    @Override
    public String spec() {
        return "keep";
    }

    @Override
    public OutputShape outputShape() {
        return OutputShape.SAME_TYPE;
    }

    @Override
    public Object apply(Object value) {
        return value;
    }

    /** One instance per JVM, also after deserialization (so that equals holds in a job graph). */
    private Object readResolve() {
        return INSTANCE;
    }
}
