package io.shadowfeed.avro.confluent;

import io.shadowfeed.avro.schema.FieldSchema;
import io.shadowfeed.avro.schema.FieldType;
import io.shadowfeed.avro.schema.TableSchema;
import org.apache.flink.avro.shaded.org.apache.avro.JsonProperties;
import org.apache.flink.avro.shaded.org.apache.avro.LogicalType;
import org.apache.flink.avro.shaded.org.apache.avro.LogicalTypes;
import org.apache.flink.avro.shaded.org.apache.avro.Schema;
import org.apache.flink.avro.shaded.org.apache.avro.SchemaParseException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Translates between Avro record schemas (JSON) and the neutral {@link TableSchema}. */
public final class AvroSchemas {

    private AvroSchemas() {}

    /**
     * Parses an Avro record schema of a flat table: primitive fields, enums (read as strings), the logical types
     * timestamp-millis and date, each optionally in a union with null.
     *
     * @throws IllegalArgumentException naming the field and what is not supported
     */
    public static TableSchema parseTable(String avroJson) {
        Schema schema = parse(avroJson);
        if (schema.getType() != Schema.Type.RECORD) {
            throw new IllegalArgumentException("a table schema must be an Avro record, not " + schema.getType());
        }
        List<FieldSchema> fields = new ArrayList<>();
        for (Schema.Field field : schema.getFields()) {
            fields.add(toFieldSchema(schema.getFullName(), field));
        }
        return new TableSchema(schema.getNamespace(), schema.getName(), fields);
    }

    /** The Avro JSON of a neutral table schema; nullable fields become {@code ["null", T]} with default null. */
    public static String toAvroJson(TableSchema table) {
        return toAvro(table).toString();
    }

    /** A 64-bit fingerprint of the schema's parsing canonical form, for manifests and headers. */
    public static long fingerprint(String avroJson) {
        return org.apache.flink.avro.shaded.org.apache.avro.SchemaNormalization.parsingFingerprint64(parse(avroJson));
    }

    static Schema parse(String avroJson) {
        try {
            return new Schema.Parser().parse(avroJson);
        } catch (SchemaParseException e) {
            throw new IllegalArgumentException("invalid Avro schema: " + e.getMessage(), e);
        }
    }

    static Schema toAvro(TableSchema table) {
        List<Schema.Field> fields = new ArrayList<>();
        for (FieldSchema field : table.fields()) {
            Schema type = avroType(field.type());
            Schema.Field avroField = field.nullable()
                    ? new Schema.Field(field.name(), Schema.createUnion(Schema.create(Schema.Type.NULL), type), null,
                            JsonProperties.NULL_VALUE)
                    : new Schema.Field(field.name(), type, null, (Object) null);
            field.properties().forEach(avroField::addProp);
            fields.add(avroField);
        }
        return Schema.createRecord(table.name(), null, table.namespace(), false, fields);
    }

    private static Schema avroType(FieldType type) {
        return switch (type) {
            case STRING -> Schema.create(Schema.Type.STRING);
            case INT -> Schema.create(Schema.Type.INT);
            case LONG -> Schema.create(Schema.Type.LONG);
            case FLOAT -> Schema.create(Schema.Type.FLOAT);
            case DOUBLE -> Schema.create(Schema.Type.DOUBLE);
            case BOOLEAN -> Schema.create(Schema.Type.BOOLEAN);
            case BYTES -> Schema.create(Schema.Type.BYTES);
            case TIMESTAMP_MILLIS -> LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
            case DATE -> LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
        };
    }

    private static FieldSchema toFieldSchema(String record, Schema.Field field) {
        Schema type = field.schema();
        boolean nullable = false;
        if (type.getType() == Schema.Type.UNION) {
            List<Schema> branches = type.getTypes();
            List<Schema> nonNull = branches.stream().filter(s -> s.getType() != Schema.Type.NULL).toList();
            if (nonNull.size() != 1 || branches.size() != 2) {
                throw unsupported(record, field, "unions other than [\"null\", T]");
            }
            nullable = true;
            type = nonNull.get(0);
        }
        Map<String, String> properties = new LinkedHashMap<>();
        field.getObjectProps().forEach((k, v) -> {
            if (v instanceof String s) {
                properties.put(k, s);
            }
        });
        return new FieldSchema(field.name(), fieldType(record, field, type), nullable, properties);
    }

    private static FieldType fieldType(String record, Schema.Field field, Schema type) {
        LogicalType logical = type.getLogicalType();
        if (logical != null) {
            if (logical instanceof LogicalTypes.TimestampMillis) {
                return FieldType.TIMESTAMP_MILLIS;
            }
            if (logical instanceof LogicalTypes.Date) {
                return FieldType.DATE;
            }
            throw unsupported(record, field, "logical type " + logical.getName());
        }
        return switch (type.getType()) {
            case STRING, ENUM -> FieldType.STRING;
            case INT -> FieldType.INT;
            case LONG -> FieldType.LONG;
            case FLOAT -> FieldType.FLOAT;
            case DOUBLE -> FieldType.DOUBLE;
            case BOOLEAN -> FieldType.BOOLEAN;
            case BYTES -> FieldType.BYTES;
            default -> throw unsupported(record, field, "type " + type.getType());
        };
    }

    private static IllegalArgumentException unsupported(String record, Schema.Field field, String what) {
        return new IllegalArgumentException("field '" + field.name() + "' of " + record + " uses " + what
                + ", which flat tables do not support");
    }
}
