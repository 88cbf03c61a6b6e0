package io.shadowfeed.trainer.io;

import io.shadowfeed.avro.confluent.AvroContainerFiles;
import io.shadowfeed.avro.confluent.AvroSchemas;
import io.shadowfeed.avro.schema.FieldSchema;
import io.shadowfeed.avro.schema.FieldType;
import io.shadowfeed.avro.schema.TableSchema;
import io.shadowfeed.trainer.data.ColumnKind;
import io.shadowfeed.trainer.data.RawTable;
import io.shadowfeed.trainer.profile.Profiler;
import io.shadowfeed.trainer.profile.TableProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AvroContainerReaderTest {

    private static final TableSchema SCHEMA = new TableSchema("demo", "Flight", List.of(
            FieldSchema.of("flight_id", FieldType.LONG, false),
            FieldSchema.of("carrier", FieldType.STRING, false),
            FieldSchema.of("delay", FieldType.DOUBLE, true),
            FieldSchema.of("departs", FieldType.TIMESTAMP_MILLIS, false),
            FieldSchema.of("day", FieldType.DATE, false),
            FieldSchema.of("cancelled", FieldType.BOOLEAN, false)));

    @TempDir
    Path dir;

    @Test
    void readsEveryFieldAsTextAndProfilesTheTimestampAsADatetime() throws IOException {
        long start = Instant.parse("2013-01-01T05:17:00Z").toEpochMilli();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Object delay = i == 3 ? null : i == 4 ? Double.NaN : (i * 7 % 23) - 5.5;
            rows.add(new Object[] {1000L + i, i % 3 == 0 ? "UA" : i % 3 == 1 ? " AA " : "?", delay,
                    start + i * 3_600_000L + (i == 5 ? 123 : 0), 15_706 + i % 10, i % 4 == 0});
        }
        Path file = dir.resolve("flights.avro");
        AvroContainerFiles.write(file, SCHEMA, rows);

        AvroContainerReader.AvroTable read = AvroContainerReader.readWithSchema(file);
        RawTable table = read.table();

        assertThat(read.schemaName()).isEqualTo("demo.Flight");
        assertThat(read.schemaFingerprint()).isEqualTo(AvroSchemas.fingerprint(AvroSchemas.toAvroJson(SCHEMA)));
        assertThat(table.columnNames()).containsExactly("flight_id", "carrier", "delay", "departs", "day",
                "cancelled");
        assertThat(table.rowCount()).isEqualTo(40);
        assertThat(table.cell(0, 0)).isEqualTo("1000");
        assertThat(table.cell(1, 1)).isEqualTo("AA");
        assertThat(table.cell(1, 2)).isNull();
        assertThat(table.cell(2, 3)).isNull();
        assertThat(table.cell(2, 4)).isNull();
        assertThat(table.cell(2, 0)).isEqualTo("-5.5");
        assertThat(table.cell(3, 0)).isEqualTo("2013-01-01T05:17:00.000Z");
        assertThat(table.cell(3, 5)).isEqualTo("2013-01-01T10:17:00.123Z");
        assertThat(table.cell(4, 1)).isEqualTo(LocalDate.ofEpochDay(15_707).toString());
        assertThat(table.cell(5, 0)).isEqualTo("true");

        TableProfile profile = Profiler.builder().build().profile(table);
        assertThat(profile.column("flight_id").kind()).isEqualTo(ColumnKind.IDENTIFIER);
        assertThat(profile.column("delay").kind()).isEqualTo(ColumnKind.CONTINUOUS);
        assertThat(profile.column("departs").kind()).isEqualTo(ColumnKind.DATETIME);
        assertThat(profile.column("day").dateTime().pattern()).isEqualTo("yyyy-MM-dd");
        assertThat(profile.column("cancelled").kind()).isEqualTo(ColumnKind.BOOLEAN);
        double departs = profile.type(table).number(3, 5);
        assertThat(departs).isEqualTo((start + 5 * 3_600_000L + 123) / 1000.0);
    }

    @Test
    void refusesBytesFieldsNamingThem() throws IOException {
        TableSchema schema = new TableSchema("demo", "Blob", List.of(FieldSchema.of("id", FieldType.INT, false),
                FieldSchema.of("payload", FieldType.BYTES, true)));
        Path file = dir.resolve("blob.avro");
        AvroContainerFiles.write(file, schema, List.<Object[]>of(new Object[] {1, new byte[] {1}}));

        assertThatThrownBy(() -> AvroContainerReader.read(file))
                .isInstanceOf(TableReadException.class)
                .hasMessageContaining("'payload' holds bytes");
    }

    @Test
    void aFileWithoutRecordsIsATypedError() throws IOException {
        Path file = dir.resolve("empty.avro");
        AvroContainerFiles.write(file, SCHEMA, List.of());

        assertThatThrownBy(() -> AvroContainerReader.read(file))
                .isInstanceOf(TableReadException.class)
                .hasMessageContaining("no records");
    }

    @Test
    void aFileThatIsNotAContainerIsATypedError() throws IOException {
        Path file = dir.resolve("table.csv");
        Files.writeString(file, "a,b\n1,2\n");

        assertThatThrownBy(() -> AvroContainerReader.read(file))
                .isInstanceOf(TableReadException.class)
                .hasMessageContaining("as an Avro container file");
        assertThatThrownBy(() -> AvroContainerReader.read(dir.resolve("absent.avro")))
                .isInstanceOf(TableReadException.class)
                .hasMessageContaining("no such file");
    }
}
