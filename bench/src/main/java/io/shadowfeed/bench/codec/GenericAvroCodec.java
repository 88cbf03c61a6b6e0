package io.shadowfeed.bench.codec;

import io.shadowfeed.avro.schema.FieldType;
import io.shadowfeed.avro.schema.TableSchema;
import org.apache.flink.avro.shaded.org.apache.avro.Schema;
import org.apache.flink.avro.shaded.org.apache.avro.generic.GenericData;
import org.apache.flink.avro.shaded.org.apache.avro.generic.GenericDatumReader;
import org.apache.flink.avro.shaded.org.apache.avro.generic.GenericDatumWriter;
import org.apache.flink.avro.shaded.org.apache.avro.generic.GenericRecord;
import org.apache.flink.avro.shaded.org.apache.avro.io.BinaryDecoder;
import org.apache.flink.avro.shaded.org.apache.avro.io.BinaryEncoder;
import org.apache.flink.avro.shaded.org.apache.avro.io.DecoderFactory;
import org.apache.flink.avro.shaded.org.apache.avro.io.EncoderFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * The reference for {@link CodecMicroBenchmark}: Confluent wire format through Avro's generic path, as the job's
 * codec worked before its flat fast path ({@code GenericDatumReader} with a resolving decoder into a
 * {@code GenericRecord}, then Java values; {@code GenericDatumWriter} from a {@code GenericData.Record}).
 */
final class GenericAvroCodec {

    private static final int HEADER_LENGTH = 5;

    private final int schemaId;
    private final GenericDatumReader<GenericRecord> reader;
    private final GenericDatumWriter<GenericRecord> writer;
    private final GenericData.Record record;
    private final boolean[] bytesFields;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
    private BinaryDecoder decoder;
    private BinaryEncoder encoder;

    GenericAvroCodec(TableSchema table, String avroJson, int schemaId) {
        Schema schema = new Schema.Parser().parse(avroJson);
        this.schemaId = schemaId;
        this.reader = new GenericDatumReader<>(schema, schema, GenericData.get());
        this.writer = new GenericDatumWriter<>(schema);
        this.record = new GenericData.Record(schema);
        this.bytesFields = new boolean[table.size()];
        for (int i = 0; i < table.size(); i++) {
            bytesFields[i] = table.field(i).type() == FieldType.BYTES;
        }
    }

    Object[] decode(byte[] value) throws IOException {
        decoder = DecoderFactory.get().binaryDecoder(value, HEADER_LENGTH, value.length - HEADER_LENGTH, decoder);
        GenericRecord read = reader.read(null, decoder);
        Object[] values = new Object[bytesFields.length];
        for (int i = 0; i < values.length; i++) {
            Object v = read.get(i);
            if (v instanceof ByteBuffer bytes) {
                byte[] copy = new byte[bytes.remaining()];
                bytes.duplicate().get(copy);
                values[i] = copy;
            } else {
                values[i] = v == null || v instanceof Number || v instanceof Boolean ? v : v.toString();
            }
        }
        return values;
    }

    byte[] encode(Object[] values) {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            record.put(i, bytesFields[i] && v instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : v);
        }
        buffer.reset();
        buffer.write(0);
        buffer.write(schemaId >>> 24);
        buffer.write(schemaId >>> 16);
        buffer.write(schemaId >>> 8);
        buffer.write(schemaId);
        encoder = EncoderFactory.get().binaryEncoder(buffer, encoder);
        try {
            writer.write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }
}
