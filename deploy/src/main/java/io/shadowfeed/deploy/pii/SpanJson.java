package io.shadowfeed.deploy.pii;

import com.fasterxml.jackson.core.JsonGenerator;
import io.shadowfeed.privacy.pii.detect.Span;
import io.shadowfeed.privacy.pii.detect.SpanRedactor;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * One line of {@code shadowfeed pii detect} output: {@code {"spans": [{"start", "end", "type", "score"}]}} and, when
 * asked for, {@code "redacted"}: the text with each span replaced by {@code <TYPE>}. Offsets are the {@link Span}'s,
 * UTF-16 code units of the text as Java strings count them; scores are rounded to three
 * decimals. Only the redacted text carries text; the spans do not.
 */
public final class SpanJson {

    private final boolean withRedacted;

    private SpanJson(boolean withRedacted) {
        this.withRedacted = withRedacted;
    }

    /** Spans only. */
    public static SpanJson spansOnly() {
        return new SpanJson(false);
    }

    /** Spans and the redacted text. */
    public static SpanJson withRedacted() {
        return new SpanJson(true);
    }

    /** Writes one JSON object for {@code text} and its spans, without a line separator; leaves {@code out} open. */
    public void write(String text, List<Span> spans, Writer out) throws IOException {
        try (JsonGenerator json = PiiJson.generator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("spans");
            for (Span span : spans) {
                json.writeStartObject();
                json.writeNumberField("start", span.start());
                json.writeNumberField("end", span.end());
                json.writeStringField("type", span.type().name());
                json.writeNumberField("score", round(span.score()));
                json.writeEndObject();
            }
            json.writeEndArray();
            if (withRedacted) {
                json.writeStringField("redacted", SpanRedactor.tags().redact(text, spans));
            }
            json.writeEndObject();
        }
    }

    /** Three decimals, as classifications give their confidence: 0.9, not 0.8999999999999999. */
    private static double round(double score) {
        return Math.round(score * 1000.0) / 1000.0;
    }
}
