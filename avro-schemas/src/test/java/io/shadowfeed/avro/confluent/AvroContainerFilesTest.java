package io.shadowfeed.avro.confluent;

import io.shadowfeed.avro.schema.FieldSchema;
import io.shadowfeed.avro.schema.FieldType;
import io.shadowfeed.avro.schema.TableSchema;
import org.apache.flink.avro.shaded.org.apache.avro.Schema;
import org.apache.flink.avro.shaded.org.apache.avro.file.DataFileWriter;
import org.apache.flink.avro.shaded.org.apache.avro.generic.GenericData;
import org.apache.flink.avro.shaded.org.apache.avro.generic.GenericDatumWriter;
import org.apache.flink.avro.shaded.org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AvroContainerFilesTest {

    private static final TableSchema FLIGHT = new TableSchema("demo", "Flight", List.of(
            FieldSchema.of("id", FieldType.INT, false),
            FieldSchema.of("carrier", FieldType.STRING, false),
            FieldSchema.of("tail", FieldType.STRING, true),
            FieldSchema.of("delay", FieldType.DOUBLE, true),
            FieldSchema.of("departs", FieldType.TIMESTAMP_MILLIS, true),
            FieldSchema.of("day", FieldType.DATE, false),
            FieldSchema.of("distance", FieldType.LONG, false),
            FieldSchema.of("load", FieldType.FLOAT, false),
            FieldSchema.of("cancelled", FieldType.BOOLEAN, true),
            FieldSchema.of("raw", FieldType.BYTES, true)));

    @TempDir
    Path dir;

    @Test
    void writesAndReadsBackEveryFieldTypeWithNulls() throws IOException {
        Random random = new Random(7);
        List<Object[]> rows = new ArrayList<>();
        for (int n = 0; n < 500; n++) {
            rows.add(new Object[] {n, "UA" + random.nextInt(30), maybe(random, "N" + random.nextInt(9999)),
                    maybe(random, random.nextGaussian()), maybe(random, 1_356_998_400_000L + random.nextInt()),
                    15_706 + random.nextInt(365), random.nextLong(), random.nextFloat(),
                    maybe(random, random.nextBoolean()), maybe(random, new byte[] {(byte) n, 1, 2})});
        }
        Path file = dir.resolve("flights.avro");
        AvroContainerFiles.write(file, FLIGHT, rows);

        AvroContainerFiles.Contents contents = AvroContainerFiles.read(file);

        assertThat(contents.schema().fields()).extracting(FieldSchema::name)
                .containsExactly("id", "carrier", "tail", "delay", "departs", "day", "distance", "load", "cancelled",
                        "raw");
        assertThat(contents.schema().field("departs").orElseThrow().type()).isEqualTo(FieldType.TIMESTAMP_MILLIS);
        assertThat(contents.fingerprint()).isEqualTo(AvroSchemas.fingerprint(AvroSchemas.toAvroJson(FLIGHT)));
        assertThat(contents.rows()).hasSize(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            assertThat(contents.rows().get(r)).containsExactly(rows.get(r));
        }
    }

    @Test
    void readsEnumsAsTheirSymbols() throws IOException {
        Schema schema = new Schema.Parser().parse("""
                {"type": "record", "name": "E", "fields": [
                  {"name": "suit", "type": {"type": "enum", "name": "Suit", "symbols": ["HEARTS", "SPADES"]}}]}""");
        Path file = dir.resolve("enum.avro");
        writeGeneric(file, schema, Map.of("suit", new GenericData.EnumSymbol(schema.getField("suit").schema(),
                "SPADES")));

        AvroContainerFiles.Contents contents = AvroContainerFiles.read(file);

        assertThat(contents.schema().field(0).type()).isEqualTo(FieldType.STRING);
        assertThat(contents.rows()).singleElement().satisfies(row -> assertThat(row).containsExactly("SPADES"));
    }

    @Test
    void rejectsANestedRecordNamingTheField() throws IOException {
        Schema schema = new Schema.Parser().parse("""
                {"type": "record", "name": "Outer", "fields": [
                  {"name": "id", "type": "int"},
                  {"name": "address", "type": {"type": "record", "name": "Address", "fields": [
                    {"name": "city", "type": "string"}]}}]}""");
        Path file = dir.resolve("nested.avro");
        GenericData.Record address = new GenericData.Record(schema.getField("address").schema());
        address.put("city", "Oslo");
        writeGeneric(file, schema, Map.of("id", 1, "address", address));

        assertThatThrownBy(() -> AvroContainerFiles.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'address'")
                .hasMessageContaining("RECORD")
                .hasMessageNotContaining("Oslo");
    }

    @Test
    void rejectsAFileThatIsNotAContainer() throws IOException {
        Path file = dir.resolve("not.avro");
        Files.writeString(file, "id,name\n1,x\n");

        assertThatThrownBy(() -> AvroContainerFiles.read(file)).isInstanceOf(IOException.class);
    }

    @Test
    void writeRejectsAValueOfTheWrongTypeNamingTheField() {
        List<Object[]> rows = List.<Object[]>of(new Object[] {1, "UA", null, "late", null, 1, 2L, 1f, null, null});

        assertThatThrownBy(() -> AvroContainerFiles.write(dir.resolve("bad.avro"), FLIGHT, rows))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("delay")
                .hasMessageNotContaining("late");
    }

    private static void writeGeneric(Path file, Schema schema, Map<String, Object> values) throws IOException {
        try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<>(schema))) {
            writer.create(schema, file.toFile());
            GenericData.Record record = new GenericData.Record(schema);
            values.forEach(record::put);
            writer.append(record);
        }
    }

    private static Object maybe(Random random, Object value) {
        return random.nextInt(4) == 0 ? null : value;
    }
}
