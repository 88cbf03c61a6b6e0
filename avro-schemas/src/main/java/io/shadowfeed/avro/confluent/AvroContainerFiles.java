package io.shadowfeed.avro.confluent;

import io.shadowfeed.avro.schema.FieldSchema;
import io.shadowfeed.avro.schema.TableSchema;
import org.apache.flink.avro.shaded.org.apache.avro.Schema;
import org.apache.flink.avro.shaded.org.apache.avro.SchemaNormalization;
import org.apache.flink.avro.shaded.org.apache.avro.file.DataFileReader;
import org.apache.flink.avro.shaded.org.apache.avro.file.DataFileWriter;
import org.apache.flink.avro.shaded.org.apache.avro.generic.GenericData;
import org.apache.flink.avro.shaded.org.apache.avro.generic.GenericDatumReader;
import org.apache.flink.avro.shaded.org.apache.avro.generic.GenericDatumWriter;
import org.apache.flink.avro.shaded.org.apache.avro.generic.GenericRecord;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads and writes Avro object container files of flat records, handing out the neutral {@link TableSchema} and plain
 * Java values (the conventions of {@link io.shadowfeed.avro.schema.FieldType}: {@code String}, {@code Integer},
 * {@code Long}, {@code Float}, {@code Double}, {@code Boolean}, {@code byte[]}; timestamp-millis as {@code Long}
 * epoch millis, date as {@code Integer} epoch days; {@code null} for null), so callers never see Avro's types.
 */
public final class AvroContainerFiles {

    private AvroContainerFiles() {}

    /**
     * A container file's writer schema and records.
     *
     * @param schema the file's writer schema in neutral form
     * @param fingerprint the 64-bit fingerprint of the schema's parsing canonical form
     * @param rows one array per record, in field order
     */
    public record Contents(TableSchema schema, long fingerprint, List<Object[]> rows) {
        public Contents {
            Objects.requireNonNull(schema, "schema");
            rows = List.copyOf(rows);
        }
    }

    /**
     * Reads a whole container file.
     *
     * @throws IOException when the file cannot be read or is not an Avro container file
     * @throws IllegalArgumentException naming the field when the writer schema is not a flat record (nested
     *     records, arrays, maps, unions other than {@code ["null", T]}, unsupported logical types)
     */
    public static Contents read(Path file) throws IOException {
        // Without registered conversions the generic reader leaves logical types as their primitives.
        GenericDatumReader<GenericRecord> datumReader = new GenericDatumReader<>();
        try (DataFileReader<GenericRecord> reader = new DataFileReader<>(file.toFile(), datumReader)) {
            Schema writer = reader.getSchema();
            TableSchema schema = AvroSchemas.parseTable(writer.toString());
            int width = schema.size();
            List<Object[]> rows = new ArrayList<>();
            GenericRecord record = null;
            while (reader.hasNext()) {
                record = reader.next(record);
                Object[] row = new Object[width];
                for (int i = 0; i < width; i++) {
                    row[i] = plain(record.get(i));
                }
                rows.add(row);
            }
            return new Contents(schema, SchemaNormalization.parsingFingerprint64(writer), rows);
        }
    }

    /**
     * Writes records as a container file with the Avro form of {@code schema} (see
     * {@link AvroSchemas#toAvroJson(TableSchema)}).
     *
     * @throws IllegalArgumentException naming the field (never the value) when a value does not fit its type
     */
    public static void write(Path file, TableSchema schema, List<Object[]> rows) throws IOException {
        Schema avro = AvroSchemas.toAvro(schema);
        try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<>(avro))) {
            writer.create(avro, file.toFile());
            for (Object[] row : rows) {
                if (row.length != schema.size()) {
                    throw new IllegalArgumentException(
                            "a row has " + row.length + " values, the schema has " + schema.size() + " fields");
                }
                GenericData.Record record = new GenericData.Record(avro);
                for (int i = 0; i < row.length; i++) {
                    FieldSchema field = schema.field(i);
                    Object value = row[i];
                    if (value == null && !field.nullable()) {
                        throw new IllegalArgumentException("null value for non-nullable field " + field.name());
                    }
                    if (value != null && !field.type().javaClass().isInstance(value)) {
                        throw new IllegalArgumentException("field " + field.name() + " expects " + field.type()
                                + ", not " + value.getClass().getSimpleName());
                    }
                    record.put(i, value instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : value);
                }
                writer.append(record);
            }
        } catch (DataFileWriter.AppendWriteException e) {
            throw new IllegalArgumentException("a record does not fit schema " + schema.fullName() + ": "
                    + e.getCause().getClass().getSimpleName(), e);
        }
    }

    /** Avro's generic values as the plain Java values of {@code FieldType}. */
    private static Object plain(Object value) {
        if (value instanceof CharSequence || value instanceof GenericData.EnumSymbol) {
            return value.toString();
        }
        if (value instanceof ByteBuffer buffer) {
            ByteBuffer copy = buffer.duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            return bytes;
        }
        return value;
    }
}
