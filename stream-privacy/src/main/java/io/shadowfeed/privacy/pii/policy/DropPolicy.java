package io.shadowfeed.privacy.pii.policy;

/** Removes the field from the output schema and record. */
public final class DropPolicy implements FieldPolicy {

    private static final long serialVersionUID = 1L;

    static final DropPolicy INSTANCE = new DropPolicy();

    private DropPolicy() {}

    @Override
    public String spec() {
        return "drop";
    }

    @Override
    public OutputShape outputShape() {
        return OutputShape.REMOVED;
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
