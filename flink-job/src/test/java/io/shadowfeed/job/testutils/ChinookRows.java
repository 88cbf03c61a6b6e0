package io.shadowfeed.job.testutils;

import io.shadowfeed.avro.schema.FieldSchema;
import io.shadowfeed.avro.schema.TableSchema;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Rows of the real Chinook CSVs in ../shared/datasets, converted to a table schema's Java values. */
public final class ChinookRows {

    private static final DateTimeFormatter CHINOOK_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ChinookRows() {}

    public static Path datasets() {
        String dir = System.getProperty("shadowfeed.datasets", "../../shared/datasets");
        return Path.of(dir);
    }

    public static List<Object[]> read(String table, TableSchema schema) throws IOException {
        Path csv = datasets().resolve("chinook").resolve(table + ".csv");
        List<Object[]> rows = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                     .parse(reader)) {
            for (CSVRecord record : parser) {
                Object[] values = new Object[schema.size()];
                for (int i = 0; i < schema.size(); i++) {
                    FieldSchema field = schema.field(i);
                    String text = record.get(field.name());
                    values[i] = text.isEmpty() && field.nullable() ? null : convert(field, text);
                }
                rows.add(values);
            }
        }
        return rows;
    }

    private static Object convert(FieldSchema field, String text) {
        return switch (field.type()) {
            case STRING -> text;
            case INT -> Integer.parseInt(text);
            case LONG -> Long.parseLong(text);
            case DOUBLE -> Double.parseDouble(text);
            case FLOAT -> Float.parseFloat(text);
            case BOOLEAN -> Boolean.parseBoolean(text);
            case TIMESTAMP_MILLIS -> LocalDateTime.parse(text, CHINOOK_TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
            default -> throw new IllegalArgumentException("unsupported in fixture: " + field);
        };
    }
}
