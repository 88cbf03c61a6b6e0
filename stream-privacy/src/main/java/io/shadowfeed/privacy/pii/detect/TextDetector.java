package io.shadowfeed.privacy.pii.detect;

import io.shadowfeed.privacy.pii.PiiType;
import java.util.List;
import java.util.Set;

/**
 * Finds spans of personal data in a text. Implementations are immutable and thread-safe: the same text gives the same
 * spans on any thread. They may report overlapping candidates; {@link PiiAnalyzer} resolves overlaps.
 */
public interface TextDetector {

    /** A stable name, unique within a registry (used in configuration and to filter). */
    String name();

    /** The types this detector can report. */
    Set<PiiType> types();

    /**
     * Appends the spans found in {@code context.text()} to {@code out}. Must not throw on any input (empty text, lone
     * surrogates, very long text).
     */
    void detect(TextContext context, List<Span> out);
}
