package io.shadowfeed.avro.confluent;

import io.shadowfeed.avro.schema.TableSchema;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.avro.AvroSchema;
import org.apache.flink.avro.shaded.org.apache.avro.Schema;
import org.apache.flink.avro.shaded.org.apache.avro.SchemaCompatibility;
import org.apache.flink.avro.shaded.org.apache.avro.SchemaNormalization;
import org.apache.flink.avro.shaded.org.apache.avro.generic.GenericData;
import org.apache.flink.avro.shaded.org.apache.avro.generic.GenericDatumReader;
import org.apache.flink.avro.shaded.org.apache.avro.generic.GenericRecord;
import org.apache.flink.avro.shaded.org.apache.avro.io.BinaryDecoder;
import org.apache.flink.avro.shaded.org.apache.avro.io.DecoderFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decodes Confluent wire-format values (magic byte 0, 4-byte schema id, Avro binary) into the field order of one
 * table's schema, resolving whatever compatible schema the producer wrote with. Not thread-safe: one per task.
 */
public final class ConfluentWireDecoder {

    private static final byte MAGIC_BYTE = 0;
    private static final int HEADER_LENGTH = 5;

    private final RegistryConnection registry;
    private final Schema readerSchema;
    private final long readerFingerprint;
    /** The fast path for writers whose binary layout is the reader's; null when the table's schema has none. */
    private final FlatRecordCodec flatReader;
    private final TableSchema table;
    /** Per writer schema id: a resolving reader, or the reason every record of that id is refused. */
    private final Map<Integer, WriterPlan> plans = new HashMap<>();
    private final DecoderFactory decoderFactory = DecoderFactory.get();
    private BinaryDecoder reusedDecoder;

    /**
     * @param readerAvroJson the table's own Avro schema (the reader schema); enums in it are read as strings
     */
    public ConfluentWireDecoder(RegistryConnection registry, String readerAvroJson) {
        this.registry = registry;
        this.readerSchema = AvroSchemas.parse(readerAvroJson);
        this.readerFingerprint = SchemaNormalization.parsingFingerprint64(readerSchema);
        this.flatReader = FlatRecordCodec.of(readerSchema).orElse(null);
        this.table = AvroSchemas.parseTable(readerAvroJson);
    }

    public TableSchema table() {
        return table;
    }

    /**
     * @throws DecodeException when the value is not a decodable record of this table (dead-letter it)
     * @throws RegistryUnavailableException when the registry cannot be asked (fail and retry)
     */
    public DecodedValue decode(byte[] value) throws DecodeException {
        if (value == null || value.length == 0) {
            throw new DecodeException(DecodeFailure.EMPTY_VALUE, "value is empty");
        }
        if (value.length < HEADER_LENGTH || value[0] != MAGIC_BYTE) {
            throw new DecodeException(DecodeFailure.BAD_MAGIC_BYTE,
                    "value does not start with the Confluent magic byte 0 and a 4-byte schema id");
        }
        int schemaId = ByteBuffer.wrap(value, 1, 4).getInt();
        WriterPlan plan = plans.get(schemaId);
        if (plan == null) {
            plan = planFor(schemaId);
            plans.put(schemaId, plan);
        }
        if (plan.refusal != null) {
            throw plan.refusal;
        }
        Object[] values;
        try {
            reusedDecoder = decoderFactory.binaryDecoder(value, HEADER_LENGTH, value.length - HEADER_LENGTH,
                    reusedDecoder);
            values = plan.flat ? flatReader.read(reusedDecoder) : toJava(plan.reader.read(null, reusedDecoder));
            if (!reusedDecoder.isEnd()) {
                throw new DecodeException(DecodeFailure.MALFORMED_AVRO,
                        "trailing bytes after the record of schema id " + schemaId);
            }
        } catch (IOException | RuntimeException e) {
            // Avro signals corrupt input with EOF, negative lengths (AvroRuntimeException) or index errors alike.
            throw new DecodeException(DecodeFailure.MALFORMED_AVRO,
                    "not a valid Avro record of schema id " + schemaId + ": " + e.getClass().getSimpleName(), e);
        }
        return new DecodedValue(values, schemaId, plan.unknownFieldCount);
    }

    private WriterPlan planFor(int schemaId) {
        Schema writer;
        try {
            writer = ((AvroSchema) registry.parsedSchemaById(schemaId)).rawSchema();
        } catch (DecodeException unknownId) {
            return WriterPlan.refused(unknownId);
        }
        SchemaCompatibility.SchemaPairCompatibility compatibility =
                SchemaCompatibility.checkReaderWriterCompatibility(readerSchema, writer);
        if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            return WriterPlan.refused(incompatibility(schemaId, compatibility.getResult()));
        }
        Set<String> readerNames = readerSchema.getFields().stream().map(Schema.Field::name)
                .collect(Collectors.toSet());
        int unknown = 0;
        for (Schema.Field field : writer.getFields()) {
            if (!readerNames.contains(field.name()) && field.aliases().stream().noneMatch(readerNames::contains)) {
                unknown++;
            }
        }
        // Same canonical form, same binary layout: the fast path reads it without resolving.
        boolean flat = flatReader != null && SchemaNormalization.parsingFingerprint64(writer) == readerFingerprint;
        return new WriterPlan(new GenericDatumReader<>(writer, readerSchema, GenericData.get()), flat, unknown, null);
    }

    private static DecodeException incompatibility(
            int schemaId, SchemaCompatibility.SchemaCompatibilityResult result) {
        boolean missingRequired = result.getIncompatibilities().stream().anyMatch(i -> i.getType()
                == SchemaCompatibility.SchemaIncompatibilityType.READER_FIELD_MISSING_DEFAULT_VALUE);
        String detail = result.getIncompatibilities().stream()
                .map(i -> i.getType() + " at " + i.getLocation())
                .collect(Collectors.joining("; "));
        return new DecodeException(
                missingRequired ? DecodeFailure.MISSING_REQUIRED_FIELD : DecodeFailure.SCHEMA_MISMATCH,
                "writer schema id " + schemaId + " cannot be read as the table's schema: " + detail);
    }

    private Object[] toJava(GenericRecord record) {
        Object[] values = new Object[table.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = toJava(record.get(i));
        }
        return values;
    }

    private static Object toJava(Object avroValue) {
        if (avroValue == null || avroValue instanceof Number || avroValue instanceof Boolean) {
            return avroValue;
        }
        if (avroValue instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return bytes;
        }
        // Utf8, String and enum symbols
        return avroValue.toString();
    }

    private record WriterPlan(GenericDatumReader<GenericRecord> reader, boolean flat, int unknownFieldCount,
                              DecodeException refusal) {
        static WriterPlan refused(DecodeException refusal) {
            return new WriterPlan(null, false, 0, refusal);
        }
    }
}
