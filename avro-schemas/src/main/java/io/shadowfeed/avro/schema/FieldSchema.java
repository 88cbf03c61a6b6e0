package io.shadowfeed.avro.schema;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One field of a flat table record.
 *
 * @param name the field name, a valid Avro name
 * @param type its value type
 * @param nullable whether the field admits null (an Avro union with "null")
 * @param properties string-valued custom properties of the Avro field, such as {@code "pii": "email"}
 */
public record FieldSchema(String name, FieldType type, boolean nullable, Map<String, String> properties)
        implements java.io.Serializable {

    private static final Pattern AVRO_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public FieldSchema {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!AVRO_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "field name must match [A-Za-z_][A-Za-z0-9_]*. Provided value: " + name);
        }
        properties = Map.copyOf(properties == null ? Map.of() : properties);
    }

    public static FieldSchema of(String name, FieldType type, boolean nullable) {
        return new FieldSchema(name, type, nullable, Map.of());
    }

    public FieldSchema withType(FieldType newType, boolean newNullable) {
        return new FieldSchema(name, newType, newNullable, properties);
    }
}
