package io.shadowfeed.job.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/**
 * The value format of the models topic: a small JSON document, readable with any Kafka console consumer. Control
 * events are few and read by people during incidents, so readability wins over Avro's compactness here.
 */
public final class ModelVersionJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelVersionJson() {}

    public static byte[] encode(ModelVersion event) {
        try {
            return JSON.writeValueAsBytes(new Wire(event.table(), event.version(), event.location(),
                    event.schemaFingerprint(), event.gatePassed(), event.publishedAtMillis()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a model version event", e);
        }
    }

    /** @throws IllegalArgumentException when the bytes are not a valid model version event */
    public static ModelVersion decode(byte[] value) {
        if (value == null) {
            throw new IllegalArgumentException("a model version event has no value (a tombstone)");
        }
        try {
            Wire wire = JSON.readValue(value, Wire.class);
            return new ModelVersion(wire.table(), wire.version(), wire.location(), wire.schemaFingerprint(),
                    wire.gatePassed(), wire.publishedAt());
        } catch (IOException | NullPointerException e) {
            throw new IllegalArgumentException("not a model version event: " + e.getMessage(), e);
        }
    }

    private record Wire(@JsonProperty("table") String table,
            @JsonProperty("version") int version,
            @JsonProperty("location") String location,
            @JsonProperty("schema_fingerprint") String schemaFingerprint,
            @JsonProperty("gate_passed") boolean gatePassed,
            @JsonProperty("published_at") long publishedAt) {
    }
}
