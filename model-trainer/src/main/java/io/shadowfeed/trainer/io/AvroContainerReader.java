package io.shadowfeed.trainer.io;

import io.shadowfeed.avro.confluent.AvroContainerFiles;
import io.shadowfeed.avro.schema.FieldSchema;
import io.shadowfeed.avro.schema.FieldType;
import io.shadowfeed.avro.schema.TableSchema;
import io.shadowfeed.trainer.data.RawTable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads an Avro object container file of flat records into a {@link RawTable}, one column per field, each value as
 * text: numbers and booleans as Java prints them, {@code timestamp-millis} as an ISO-8601 UTC instant with
 * milliseconds, {@code date} as an ISO date, and strings cleaned like CSV cells (trimmed; empty and the usual
 * missing-value markers become null). A {@code NaN} or infinite float becomes null. Bytes fields are refused.
 */
public final class AvroContainerReader {

    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);

    private AvroContainerReader() {}

    /**
     * A container file read as a table, with its writer schema's identity for manifests.
     *
     * @param table the records as text
     * @param schemaName the writer schema's full name
     * @param schemaFingerprint the 64-bit fingerprint of the writer schema's parsing canonical form
     */
    public record AvroTable(RawTable table, String schemaName, long schemaFingerprint) {
        public AvroTable {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(schemaName, "schemaName");
        }
    }

    /** @throws TableReadException see {@link #readWithSchema(Path)} */
    public static RawTable read(Path file) {
        return readWithSchema(file).table();
    }

    /**
     * @throws TableReadException for a missing or unreadable file, one that is not an Avro container, a writer schema
     *     that is not a flat record (naming the field), a bytes field, or a file without records
     */
    public static AvroTable readWithSchema(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new TableReadException("no such file: " + file);
        }
        AvroContainerFiles.Contents contents;
        try {
            contents = AvroContainerFiles.read(file);
        } catch (IOException e) {
            throw new TableReadException("cannot read " + file + " as an Avro container file: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new TableReadException(file + ": " + e.getMessage() + "; flatten the records first", e);
        }
        TableSchema schema = contents.schema();
        List<String> names = new ArrayList<>(schema.size());
        for (FieldSchema field : schema.fields()) {
            if (field.type() == FieldType.BYTES) {
                throw new TableReadException(file + ": field '" + field.name() + "' holds bytes, which cannot be"
                        + " profiled as a table column; drop it from the records or store it as a string");
            }
            names.add(field.name());
        }
        if (contents.rows().isEmpty()) {
            throw new TableReadException(file + " has a schema but no records");
        }
        List<String[]> rows = new ArrayList<>(contents.rows().size());
        for (Object[] values : contents.rows()) {
            String[] row = new String[values.length];
            for (int c = 0; c < row.length; c++) {
                row[c] = text(schema.field(c).type(), values[c]);
            }
            rows.add(row);
        }
        return new AvroTable(RawTable.fromRows(names, rows), schema.fullName(), contents.fingerprint());
    }

    private static String text(FieldType type, Object value) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case STRING -> Cells.clean((String) value);
            case TIMESTAMP_MILLIS -> INSTANT.format(Instant.ofEpochMilli((Long) value));
            case DATE -> LocalDate.ofEpochDay((Integer) value).toString();
            case FLOAT, DOUBLE -> {
                double number = ((Number) value).doubleValue();
                yield Double.isFinite(number) ? value.toString() : null;
            }
            default -> value.toString();
        };
    }
}
