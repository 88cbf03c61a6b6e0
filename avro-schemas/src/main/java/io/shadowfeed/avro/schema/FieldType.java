package io.shadowfeed.avro.schema;

/**
 * The value types a table field can have, independent of Avro. Java values are {@link String}, {@link Integer},
 * {@link Long}, {@link Float}, {@link Double}, {@link Boolean} and {@code byte[]}; the two logical types are carried
 * by their underlying primitive ({@code Long} epoch millis, {@code Integer} epoch days).
 */
public enum FieldType {
    STRING(String.class),
    INT(Integer.class),
    LONG(Long.class),
    FLOAT(Float.class),
    DOUBLE(Double.class),
    BOOLEAN(Boolean.class),
    BYTES(byte[].class),
    /** Avro {@code long} with logical type {@code timestamp-millis}. */
    TIMESTAMP_MILLIS(Long.class),
    /** Avro {@code int} with logical type {@code date}. */
    DATE(Integer.class);

    private final Class<?> javaClass;

    FieldType(Class<?> javaClass) {
        this.javaClass = javaClass;
    }

    public Class<?> javaClass() {
        return javaClass;
    }

    public boolean isNumeric() {
        return this == INT || this == LONG || this == FLOAT || this == DOUBLE;
    }
}
