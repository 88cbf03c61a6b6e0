package io.shadowfeed.avro.confluent;

import io.shadowfeed.avro.schema.TableSchema;
import org.apache.flink.avro.shaded.org.apache.avro.Schema;
import org.apache.flink.avro.shaded.org.apache.avro.io.BinaryEncoder;
import org.apache.flink.avro.shaded.org.apache.avro.io.EncoderFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Encodes values in a table's field order as Confluent wire format under a subject whose schema it registers on
 * construction. Not thread-safe: one per task.
 */
public final class ConfluentWireEncoder {

    private final TableSchema table;
    private final int schemaId;
    /** The output schema is generated from a flat table schema, so the fast writer always applies. */
    private final FlatRecordCodec writer;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
    private BinaryEncoder reusedEncoder;

    public ConfluentWireEncoder(RegistryConnection registry, String subject, TableSchema table) {
        this.table = table;
        Schema schema = AvroSchemas.toAvro(table);
        this.schemaId = registry.register(subject, schema.toString());
        this.writer = FlatRecordCodec.of(schema).orElseThrow(() ->
                new IllegalStateException("a generated table schema is always flat: " + table.fullName()));
    }

    public int schemaId() {
        return schemaId;
    }

    public TableSchema table() {
        return table;
    }

    /**
     * @param values one value per field of the table, in order, of the field's Java type (or null where nullable)
     * @throws IllegalArgumentException naming the field when a value does not fit the schema
     */
    public byte[] encode(Object[] values) {
        if (values.length != table.size()) {
            throw new IllegalArgumentException("expected " + table.size() + " values for " + table.fullName()
                    + ", got " + values.length);
        }
        buffer.reset();
        buffer.write(0);
        buffer.write(schemaId >>> 24);
        buffer.write(schemaId >>> 16);
        buffer.write(schemaId >>> 8);
        buffer.write(schemaId);
        reusedEncoder = EncoderFactory.get().binaryEncoder(buffer, reusedEncoder);
        try {
            writer.write(values, reusedEncoder);
            reusedEncoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("values do not fit schema " + table.fullName() + ": "
                    + e.getMessage(), e);
        }
        return buffer.toByteArray();
    }
}
