package io.shadowfeed.deploy.pii;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code shadowfeed pii apply} did: names and policies only, never a value.
 *
 * @param rows data rows written
 * @param out the file written
 * @param fields per output field, in output order, the policy that made it (as a spec writes it, e.g. {@code mask:1})
 * @param dropped the input fields that do not reach the output
 */
public record ApplyResult(long rows, Path out, Map<String, String> fields, List<String> dropped) {

    public ApplyResult {
        Objects.requireNonNull(out, "out");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        dropped = List.copyOf(dropped);
    }

    /** {@code {"rows": n, "out": path, "fields": {...}, "dropped": [...]}} on one line; leaves {@code out} open. */
    public void writeJson(Writer writer) {
        try (JsonGenerator json = PiiJson.generator(writer)) {
            json.writeStartObject();
            json.writeNumberField("rows", rows);
            json.writeStringField("out", out.toString());
            json.writeObjectFieldStart("fields");
            for (Map.Entry<String, String> field : fields.entrySet()) {
                json.writeStringField(field.getKey(), field.getValue());
            }
            json.writeEndObject();
            json.writeArrayFieldStart("dropped");
            for (String field : dropped) {
                json.writeString(field);
            }
            json.writeEndArray();
            json.writeEndObject();
            json.flush();
            writer.write('\n');
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the summary: " + e.getMessage(), e);
        }
    }
}
