package io.shadowfeed.avro.confluent;

/** Why a value could not be decoded. The names are the dead-letter reason codes users filter on. */
public enum DecodeFailure {
    /** No bytes at all (a null or empty value). */
    EMPTY_VALUE,
    /** The first byte is not the Confluent magic byte 0, or the value is shorter than the 5-byte header. */
    BAD_MAGIC_BYTE,
    /** The registry does not know the schema id in the header. */
    UNKNOWN_SCHEMA_ID,
    /** The writer schema lacks a field that the table's schema requires and that has no default. */
    MISSING_REQUIRED_FIELD,
    /** The writer schema cannot be read as the table's schema for another reason (a type change, say). */
    SCHEMA_MISMATCH,
    /** The Avro body is truncated, has trailing bytes, or is not valid Avro binary. */
    MALFORMED_AVRO
}
