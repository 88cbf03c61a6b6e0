package io.shadowfeed.avro.confluent;

/**
 * A decoded record in the field order of the table's schema.
 *
 * @param values one plain Java value per field (see {@link io.shadowfeed.avro.schema.FieldType}); owned by the caller
 * @param writerSchemaId the registry id of the schema the producer wrote with
 * @param unknownFieldCount how many fields of the writer schema the table's schema does not have (they were dropped)
 */
public record DecodedValue(Object[] values, int writerSchemaId, int unknownFieldCount) {}
