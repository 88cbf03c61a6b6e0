package io.shadowfeed.avro.confluent.compat;

import java.util.Objects;

/**
 * One reason why a reader schema cannot read data written with a writer schema.
 *
 * @param type Avro's incompatibility type, e.g. {@code READER_FIELD_MISSING_DEFAULT_VALUE} or {@code TYPE_MISMATCH}
 * @param message Avro's detail, e.g. the name of the field that lacks a default
 * @param location a JSON-pointer-like path into the reader schema, e.g. {@code /fields/1}
 */
public record AvroIncompatibility(String type, String message, String location) {

    public AvroIncompatibility {
        Objects.requireNonNull(type, "type");
        message = message == null ? "" : message;
        location = location == null ? "" : location;
    }
}
