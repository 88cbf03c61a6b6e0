package io.shadowfeed.trainer.profile;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * How a datetime column is written and which number models it.
 *
 * @param pattern a {@link DateTimeFormatter} pattern, e.g. {@code yyyy-MM-dd HH:mm:ss}
 * @param unit {@link ChronoUnit#DAYS} (epoch days, for dates) or {@link ChronoUnit#SECONDS} (epoch seconds, with a
 *     fraction when the pattern has one)
 * @param zone the zone that local date-times are read in and every value is rendered in: {@code UTC} for local
 *     date-times, the most frequent offset for values that carry one (their instants are kept exactly; an offset
 *     that differs from it, such as daylight saving time, is rendered in this one)
 */
public record DateTimeFormat(String pattern, ChronoUnit unit, String zone) {

    public DateTimeFormat {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(zone, "zone");
        if (unit != ChronoUnit.DAYS && unit != ChronoUnit.SECONDS) {
            throw new IllegalArgumentException("unit must be DAYS or SECONDS. Provided value: " + unit);
        }
        try {
            DateTimeFormatter.ofPattern(pattern);
            ZoneId.of(zone);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new IllegalArgumentException("invalid datetime format: " + e.getMessage(), e);
        }
    }

    /** A parser and renderer for this format; build one per column, not per value. */
    public DateTimeCodec codec() {
        return new DateTimeCodec(this);
    }
}
