package io.shadowfeed.privacy.pii.policy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;

/**
 * Generalizes a date or timestamp to its month, keeping the type:
 * <ul>
 *   <li>{@code Integer} (epoch days, Avro {@code date}): the first day of the month;
 *   <li>{@code Long} (epoch milliseconds, Avro {@code timestamp-millis}): midnight UTC of the first day of the month;
 *   <li>{@code String}: {@code "YYYY-MM"} when it starts with an ISO date ({@code 2024-03-17},
 *       {@code 2024-03-17T10:15:00Z}, ...), else {@code "unknown"};
 *   <li>{@code java.time} values, {@code java.util.Date}: the first instant of the month, same type (UTC for
 *       instants);
 *   <li>{@code Double}, {@code Float} and {@code BigDecimal} are read as epoch milliseconds, {@code Short} and
 *       {@code Byte} as epoch days, {@code byte[]} as UTF-8 text; booleans pass through.
 * </ul>
 * Output: the input's type.
 */
public final class MonthPolicy implements FieldPolicy {

    private static final long serialVersionUID = 1L;

    static final MonthPolicy INSTANCE = new MonthPolicy();

    private static final long DAY_MILLIS = 86_400_000L;

    private MonthPolicy() {}

    @Override
    public String spec() {
        return "generalize:month";
    }

    @Override
    public OutputShape outputShape() {
        return OutputShape.SAME_TYPE;
    }

    @Override
    public Object apply(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Integer days) {
            return (int) firstOfMonth(LocalDate.ofEpochDay(clampDays(days))).toEpochDay();
        }
        if (value instanceof Long millis) {
            long day = Math.floorDiv(millis, DAY_MILLIS);
            long first = firstOfMonth(LocalDate.ofEpochDay(clampDays(day))).toEpochDay();
            // the month of the earliest representable instant starts before it: saturate
            return first < Long.MIN_VALUE / DAY_MILLIS ? Long.MIN_VALUE : first * DAY_MILLIS;
        }
        if (value instanceof LocalDate date) {
            return firstOfMonth(date);
        }
        if (value instanceof LocalDateTime dateTime) {
            return firstOfMonth(dateTime.toLocalDate()).atStartOfDay();
        }
        if (value instanceof OffsetDateTime dateTime) {
            return firstOfMonth(dateTime.toLocalDate()).atStartOfDay().atOffset(dateTime.getOffset());
        }
        if (value instanceof ZonedDateTime dateTime) {
            return firstOfMonth(dateTime.toLocalDate()).atStartOfDay(dateTime.getZone());
        }
        if (value instanceof Instant instant) {
            return firstOfMonth(instant.atOffset(ZoneOffset.UTC).toLocalDate()).atStartOfDay()
                    .toInstant(ZoneOffset.UTC);
        }
        if (value instanceof Date date) {
            return Date.from((Instant) apply(date.toInstant()));
        }
        if (value instanceof Short || value instanceof Byte) {
            long days = ((Number) value).longValue();
            long first = firstOfMonth(LocalDate.ofEpochDay(days)).toEpochDay();
            return value instanceof Short ? (Object) (short) Math.max(Short.MIN_VALUE, first)
                    : (Object) (byte) Math.max(Byte.MIN_VALUE, first);
        }
        if (value instanceof Double || value instanceof Float) {
            double millis = ((Number) value).doubleValue();
            if (!Double.isFinite(millis)) {
                return value;
            }
            long month = (Long) apply((long) Math.max(Long.MIN_VALUE, Math.min(Long.MAX_VALUE, Math.floor(millis))));
            return value instanceof Double ? (Object) (double) month : (Object) (float) month;
        }
        if (value instanceof java.math.BigDecimal decimal) {
            try {
                return java.math.BigDecimal.valueOf((Long) apply(decimal.setScale(0, java.math.RoundingMode.FLOOR)
                        .longValueExact()));
            } catch (ArithmeticException e) {
                return value; // beyond any calendar: nothing to generalize
            }
        }
        if (value instanceof Boolean) {
            return value;
        }
        if (value instanceof byte[] bytes) {
            return month(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        }
        return month(Values.text(value));
    }

    private static String month(String text) {
        String trimmed = text.strip();
        if (trimmed.length() < 7) {
            return AgeBandPolicy.UNKNOWN;
        }
        try {
            String head = trimmed.length() >= 10 ? trimmed.substring(0, 10) : trimmed.substring(0, 7);
            YearMonth month = head.length() == 10 ? YearMonth.from(LocalDate.parse(head)) : YearMonth.parse(head);
            return month.toString();
        } catch (DateTimeParseException e) {
            return AgeBandPolicy.UNKNOWN;
        }
    }

    private static long clampDays(long days) {
        // LocalDate covers years -999999999..999999999; epoch-day ints and long-millis days are all inside
        return Math.max(LocalDate.MIN.toEpochDay(), Math.min(LocalDate.MAX.toEpochDay(), days));
    }

    private static LocalDate firstOfMonth(LocalDate date) {
        return date.withDayOfMonth(1);
    }

    @Override
    public String toString() {
        return "MonthPolicy[" + spec() + "]";
    }

    /** One instance per JVM, also after deserialization (so that equals holds in a job graph). */
    private Object readResolve() {
        return INSTANCE;
    }
}
