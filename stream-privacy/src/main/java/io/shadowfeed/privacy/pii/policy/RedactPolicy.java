package io.shadowfeed.privacy.pii.policy;

import io.shadowfeed.privacy.pii.detect.PiiAnalyzer;
import io.shadowfeed.privacy.pii.detect.SpanRedactor;

import java.nio.charset.StandardCharsets;

/**
 * Free text (support notes, comments): replaces only the PII spans the analyzer finds with {@code <TYPE>} tags and
 * keeps the rest of the text, so the text stays useful to tests that read it.
 */
public final class RedactPolicy implements FieldPolicy {

    private static final long serialVersionUID = 1L;

    static final RedactPolicy INSTANCE = new RedactPolicy();

    private RedactPolicy() {}

    @Override
    public String spec() {
        return "redact";
    }

    @Override
    public OutputShape outputShape() {
        return OutputShape.STRING;
    }

    @Override
    public void open() {
        Analyzer.INSTANCE.analyze("");
    }

    @Override
    public Object apply(Object value) {
        if (value == null) {
            return null;
        }
        String text = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value.toString();
        return SpanRedactor.tags().redact(text, Analyzer.INSTANCE.analyze(text));
    }

    private Object readResolve() {
        return INSTANCE;
    }

    /** One immutable, thread-safe analyzer per JVM: building it loads the dictionaries. */
    private static final class Analyzer {
        static final PiiAnalyzer INSTANCE = PiiAnalyzer.defaults();
    }
}
