package io.shadowfeed.deploy.pii;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

import java.io.IOException;
import java.io.Writer;

/**
 * The JSON the pii commands write. Non-ASCII characters are written as JSON escapes, so the output is plain ASCII
 * whatever charset the terminal or pipe has, and a script reading it as UTF-8 or ASCII gets the same text.
 */
final class PiiJson {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();

    private static final Separators SEPARATORS = Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER);

    private PiiJson() {}

    /** A generator that leaves {@code out} open (callers own their writers). */
    static JsonGenerator generator(Writer out) throws IOException {
        JsonGenerator generator = FACTORY.createGenerator(out);
        generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return generator;
    }

    /** Indented objects, {@code "key": value}; arrays on one line. A new one per generator: it keeps state. */
    static PrettyPrinter indented() {
        return new DefaultPrettyPrinter(SEPARATORS);
    }
}
