package io.shadowfeed.deploy.pii;

import io.shadowfeed.avro.schema.FieldType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;

/**
 * Writes a field's Java value as CSV text, so that {@link io.shadowfeed.deploy.replay.FieldValueParser} reads it back:
 * null as the empty field, timestamps as ISO-8601 UTC ({@code 2013-01-01T10:17:00Z}), dates as ISO dates, bytes as
 * base64, everything else by {@code toString}.
 */
final class CsvValues {

    private CsvValues() {}

    static String format(FieldType type, Object value) {
        if (value == null) {
            return "";
        }
        if (type == FieldType.TIMESTAMP_MILLIS && value instanceof Long millis) {
            return Instant.ofEpochMilli(millis).toString();
        }
        if (type == FieldType.DATE && value instanceof Integer days) {
            return LocalDate.ofEpochDay(days).toString();
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        return value.toString();
    }
}
