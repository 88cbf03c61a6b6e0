package io.shadowfeed.avro.confluent;

import io.shadowfeed.avro.schema.TableSchema;
import org.apache.flink.avro.shaded.org.apache.avro.Schema;
import org.apache.flink.avro.shaded.org.apache.avro.generic.GenericData;
import org.apache.flink.avro.shaded.org.apache.avro.generic.GenericDatumWriter;
import org.apache.flink.avro.shaded.org.apache.avro.generic.GenericRecord;
import org.apache.flink.avro.shaded.org.apache.avro.io.BinaryEncoder;
import org.apache.flink.avro.shaded.org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast flat codec against Avro's own generic writer and resolving reader: the same bytes out, the same values in,
 * on random records with nulls in every nullable field, and a writer with another schema still resolved.
 */
class ConfluentWireCodecTest {

    private static final String FLIGHT = """
            {"type": "record", "name": "F", "fields": [
              {"name": "id", "type": "int"},
              {"name": "carrier", "type": "string"},
              {"name": "tail", "type": ["null", "string"], "default": null},
              {"name": "delay", "type": ["null", "double"], "default": null},
              {"name": "at", "type": ["null", {"type": "long", "logicalType": "timestamp-millis"}], "default": null},
              {"name": "day", "type": {"type": "int", "logicalType": "date"}},
              {"name": "n", "type": "long"},
              {"name": "f", "type": "float"},
              {"name": "ok", "type": ["boolean", "null"]},
              {"name": "raw", "type": ["null", "bytes"], "default": null}
            ]}""";

    @Test
    void encodesByteForByteAsAvrosGenericWriterAndDecodesBack() throws Exception {
        TableSchema table = AvroSchemas.parseTable(FLIGHT);
        Schema generated = AvroSchemas.toAvro(table);
        FakeRegistry registry = new FakeRegistry();
        ConfluentWireEncoder encoder = new ConfluentWireEncoder(registry.connection(), "s", table);
        Random random = new Random(1);
        for (int n = 0; n < 2_000; n++) {
            Object[] values = {random.nextInt(), "UA" + random.nextInt(100), maybe(random, "N" + random.nextInt()),
                    maybe(random, random.nextGaussian()), maybe(random, random.nextLong()), random.nextInt(20_000),
                    random.nextLong(), random.nextFloat(), maybe(random, random.nextBoolean()),
                    maybe(random, new byte[] {(byte) random.nextInt(), 0, 7})};
            byte[] fast = encoder.encode(values);
            assertThat(Arrays.copyOfRange(fast, 5, fast.length)).isEqualTo(generic(generated, values));
            Object[] back = new ConfluentWireDecoder(registry.connection(), AvroSchemas.toAvroJson(table))
                    .decode(fast).values();
            for (int i = 0; i < values.length; i++) {
                assertThat(back[i]).isEqualTo(values[i]);
            }
        }
    }

    @Test
    void truncatedAndBadBranchInputIsMalformed() throws Exception {
        TableSchema table = AvroSchemas.parseTable(FLIGHT);
        FakeRegistry registry = new FakeRegistry();
        byte[] valid = new ConfluentWireEncoder(registry.connection(), "s", table).encode(new Object[] {
                1, "UA", null, 1.5, null, 3, 4L, 5f, true, null});
        ConfluentWireDecoder decoder = new ConfluentWireDecoder(registry.connection(), AvroSchemas.toAvroJson(table));
        assertThat(decoder.decode(valid).values()[1]).isEqualTo("UA");
        for (int cut = 1; cut < valid.length - 5; cut++) {
            byte[] truncated = Arrays.copyOf(valid, valid.length - cut);
            assertThat(failure(decoder, truncated)).as("cut %d", cut).isEqualTo(DecodeFailure.MALFORMED_AVRO);
        }
        byte[] badBranch = valid.clone();
        badBranch[5 + 1 + 3] = 8; // the "tail" union index: zigzag 4, a branch the schema does not have
        assertThat(failure(decoder, badBranch)).isEqualTo(DecodeFailure.MALFORMED_AVRO);
    }

    private static DecodeFailure failure(ConfluentWireDecoder decoder, byte[] value) {
        try {
            decoder.decode(value);
            return null;
        } catch (DecodeException e) {
            return e.failure();
        }
    }

    private static Object maybe(Random random, Object value) {
        return random.nextInt(4) == 0 ? null : value;
    }

    private static byte[] generic(Schema schema, Object[] values) throws Exception {
        GenericData.Record record = new GenericData.Record(schema);
        for (int i = 0; i < values.length; i++) {
            record.put(i, values[i] instanceof byte[] b ? ByteBuffer.wrap(b) : values[i]);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    /** One schema id for whatever is registered; the registry itself is tested over HTTP elsewhere. */
    private static final class FakeRegistry {
        private final RegistryConnection connection;

        FakeRegistry() {
            var client = new org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry
                    .client.MockSchemaRegistryClient();
            this.connection = RegistryConnection.forClient("mock://codec-test", client);
        }

        RegistryConnection connection() {
            return connection;
        }
    }
}
