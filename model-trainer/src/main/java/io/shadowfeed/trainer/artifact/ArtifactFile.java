package io.shadowfeed.trainer.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The content of one file to publish: a callback that writes it. A lambda is enough for a streaming writer, e.g.
 * {@code out -> block.saveParameters(new DataOutputStream(out))}; the stream may be closed by the callback or not.
 */
@FunctionalInterface
public interface ArtifactFile {

    /** Writes the whole content to {@code out}. Called once per publish. */
    void writeTo(OutputStream out) throws IOException;

    /** Fixed bytes (copied). */
    static ArtifactFile ofBytes(byte[] bytes) {
        byte[] copy = bytes.clone();
        return out -> out.write(copy);
    }

    /** Text as UTF-8. */
    static ArtifactFile ofString(String text) {
        return ofBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A JSON document, pretty-printed as UTF-8. */
    static ArtifactFile ofJson(JsonNode json) {
        Objects.requireNonNull(json, "json");
        JsonNode copy = json.deepCopy();
        return out -> new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(out, copy);
    }

    /** The content of an existing file, read when publishing. */
    static ArtifactFile copyOf(Path source) {
        Objects.requireNonNull(source, "source");
        return out -> Files.copy(source, out);
    }
}
