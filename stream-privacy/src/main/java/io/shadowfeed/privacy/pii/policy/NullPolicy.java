package io.shadowfeed.privacy.pii.policy;

/** Keeps the field in the schema (made nullable) and always writes null, so consumers keep their shape. */
public final class NullPolicy implements FieldPolicy {

    private static final long serialVersionUID = 1L;

    static final NullPolicy INSTANCE = new NullPolicy();

    private NullPolicy() {}

    @Override
    public String spec() {
        return "null";
    }

    @Override
    public OutputShape outputShape() {
        return OutputShape.ALWAYS_NULL;
    }

    @Override
    public Object apply(Object value) {
        return null;
    }

    /** One instance per JVM, also after deserialization (so that equals holds in a job graph). */
    private Object readResolve() {
        return INSTANCE;
    }
}
