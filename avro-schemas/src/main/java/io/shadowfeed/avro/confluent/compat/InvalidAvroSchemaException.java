package io.shadowfeed.avro.confluent.compat;

/** A schema text that Avro cannot parse (bad JSON, unknown type, invalid default, ...). */
public final class InvalidAvroSchemaException extends Exception {

    InvalidAvroSchemaException(String message, Throwable cause) {
        super(message, cause);
    }
}
