package io.shadowfeed.job.spec;

import io.shadowfeed.avro.schema.FieldSchema;
import io.shadowfeed.avro.schema.TableSchema;
import io.shadowfeed.privacy.pii.policy.OutputShape;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One table of the pipeline: where it comes from and goes to, its schema, keys, event time and field policies.
 *
 * @param avroSchemaJson the table's Avro schema (the reader schema for whatever producers write)
 * @param fields one entry per field of the schema, in schema order
 * @param eventTimeField the field with the event time, or null to use the Kafka record timestamp
 * @param localeFields fields whose value picks the locale of fakes (a country, region or locale); empty: guessed by
 *     name
 * @param entityScope fakes with the same scope and entity key are one coherent person (default: the table's name;
 *     an invoice's billing fields use "customer" to match its customer)
 * @param entityKeyField the field whose value identifies that entity (default: the key field)
 * @param synthesis the model it is served from and how it waits for its parents
 */
public record TableSpec(
        String name,
        String inputTopic,
        String outputTopic,
        String avroSchemaJson,
        TableSchema schema,
        String keyField,
        String eventTimeField,
        List<ForeignKeySpec> foreignKeys,
        List<FieldSpec> fields,
        List<String> localeFields,
        String entityScope,
        String entityKeyField,
        SynthesisSpec synthesis) implements Serializable {

    public TableSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(inputTopic, "inputTopic");
        Objects.requireNonNull(outputTopic, "outputTopic");
        Objects.requireNonNull(avroSchemaJson, "avroSchemaJson");
        Objects.requireNonNull(schema, "schema");
        foreignKeys = List.copyOf(foreignKeys);
        fields = List.copyOf(fields);
        localeFields = List.copyOf(localeFields);
        Objects.requireNonNull(entityScope, "entityScope");
        Objects.requireNonNull(synthesis, "synthesis");
        if (fields.size() != schema.size()) {
            throw new IllegalArgumentException("table " + name + ": one field spec per schema field expected");
        }
    }

    /** The schema of the anonymized output: fields in input order, as the policies shape them. */
    public TableSchema outputSchema() {
        List<FieldSchema> out = new ArrayList<>();
        for (FieldSpec field : fields) {
            FieldSchema in = field.input();
            switch (field.policy().outputShape()) {
                case SAME_TYPE -> out.add(in);
                case STRING -> out.add(in.withType(io.shadowfeed.avro.schema.FieldType.STRING, in.nullable()));
                case ALWAYS_NULL -> out.add(in.withType(in.type(), true));
                case REMOVED -> { }
            }
        }
        String namespace = schema.namespace() == null ? "anon" : schema.namespace() + ".anon";
        return new TableSchema(namespace, schema.name(), out);
    }

    /** Positions of the input fields that reach the output, in output order. */
    public int[] outputPositions() {
        return java.util.stream.IntStream.range(0, fields.size())
                .filter(i -> fields.get(i).policy().outputShape() != OutputShape.REMOVED)
                .toArray();
    }

    public TableSpec withFields(List<FieldSpec> newFields) {
        return new TableSpec(name, inputTopic, outputTopic, avroSchemaJson, schema, keyField, eventTimeField,
                foreignKeys, newFields, localeFields, entityScope, entityKeyField, synthesis);
    }

    /** The foreign keys that reference another table (a self-reference such as ReportsTo is linked by key alone). */
    public List<ForeignKeySpec> parentKeys() {
        return foreignKeys.stream().filter(fk -> !fk.parentTable().equals(name)).toList();
    }

    public FieldSpec field(String fieldName) {
        return fields.get(schema.indexOf(fieldName));
    }

    public boolean hasPendingFields() {
        return fields.stream().anyMatch(f -> f.origin() == PolicyOrigin.PENDING_CLASSIFICATION);
    }

    public int keyPosition() {
        return keyField == null ? -1 : schema.indexOf(keyField);
    }

    public int eventTimePosition() {
        return eventTimeField == null ? -1 : schema.indexOf(eventTimeField);
    }
}
