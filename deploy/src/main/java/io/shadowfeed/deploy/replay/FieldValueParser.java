package io.shadowfeed.deploy.replay;

import io.shadowfeed.avro.schema.FieldType;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Converts CSV text to the Java value of a {@link FieldType}. Strict: a value that does not fit (a fraction for an
 * int, a number out of range) is refused with a reason that does not repeat the value.
 */
public final class FieldValueParser {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");
    private static final Pattern EPOCH_MILLIS = Pattern.compile("-?\\d{1,19}");
    private static final Pattern DATE_ONLY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final long MILLIS_PER_DAY = 86_400_000L;

    private FieldValueParser() {}

    /**
     * @param text non-null CSV text (nulls are decided by the caller)
     * @throws IllegalArgumentException with a reason such as "not a 32-bit integer"
     */
    public static Object parse(FieldType type, String text) {
        return switch (type) {
            case STRING -> text;
            case INT -> parseInt(text.strip());
            case LONG -> parseLong(text.strip());
            case FLOAT -> parseFloat(text.strip());
            case DOUBLE -> parseDouble(text.strip());
            case BOOLEAN -> parseBoolean(text.strip());
            case BYTES -> parseBytes(text.strip());
            case TIMESTAMP_MILLIS -> parseTimestampMillis(text.strip());
            case DATE -> parseDate(text.strip());
        };
    }

    /** Milliseconds since the epoch of a parsed value of a time-like type, for pacing by event time. */
    public static long toEpochMillis(FieldType type, Object value) {
        return switch (type) {
            case TIMESTAMP_MILLIS, LONG -> (Long) value;
            case DATE -> (Integer) value * MILLIS_PER_DAY;
            default -> throw new IllegalArgumentException("a " + type + " field is not a time");
        };
    }

    private static Integer parseInt(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a 32-bit whole number");
        }
    }

    private static Long parseLong(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a 64-bit whole number");
        }
    }

    private static Float parseFloat(String text) {
        requireDecimal(text);
        float value = Float.parseFloat(text);
        if (Float.isInfinite(value)) {
            throw new IllegalArgumentException("out of range for a float");
        }
        return value;
    }

    private static Double parseDouble(String text) {
        requireDecimal(text);
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
            throw new IllegalArgumentException("out of range for a double");
        }
        return value;
    }

    /** Java's parsers also take hex floats, "NaN" and type suffixes such as "1d"; CSV numbers are decimals. */
    private static void requireDecimal(String text) {
        if (!DECIMAL.matcher(text).matches()) {
            throw new IllegalArgumentException("not a decimal number");
        }
    }

    private static Boolean parseBoolean(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("not a boolean (true, false, 1 or 0)");
        };
    }

    private static byte[] parseBytes(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not base64 (bytes fields are read as base64)");
        }
    }

    /**
     * ISO-8601 with an offset or zone (2013-01-01T05:17:00-05:00), an ISO local date-time with 'T' or a space
     * (read as UTC), an ISO date (midnight UTC), or epoch milliseconds.
     */
    static Long parseTimestampMillis(String text) {
        if (EPOCH_MILLIS.matcher(text).matches()) {
            return parseLong(text);
        }
        if (DATE_ONLY.matcher(text).matches()) {
            return parseDate(text) * MILLIS_PER_DAY;
        }
        String iso = text.length() > 10 && text.charAt(10) == ' '
                ? text.substring(0, 10) + 'T' + text.substring(11)
                : text;
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(iso,
                    ZonedDateTime::from, OffsetDateTime::from, LocalDateTime::from);
            if (parsed instanceof ZonedDateTime zoned) {
                return zoned.toInstant().toEpochMilli();
            }
            if (parsed instanceof OffsetDateTime offset) {
                return offset.toInstant().toEpochMilli();
            }
            return ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO-8601 date-time (2013-01-01T05:17:00-05:00, "
                    + "2021-01-01 00:00:00 as UTC) nor epoch milliseconds");
        }
    }

    private static Integer parseDate(String text) {
        try {
            return Math.toIntExact(LocalDate.parse(text).toEpochDay());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO-8601 date (2021-01-31)");
        }
    }
}
