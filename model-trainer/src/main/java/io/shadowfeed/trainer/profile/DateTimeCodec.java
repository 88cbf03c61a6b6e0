package io.shadowfeed.trainer.profile;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/** Turns datetime text into the number of its {@link DateTimeFormat#unit()} since the epoch and back. */
public final class DateTimeCodec {

    private final DateTimeFormat format;
    private final DateTimeFormatter formatter;
    private final ZoneId zone;

    DateTimeCodec(DateTimeFormat format) {
        this.format = format;
        this.formatter = DateTimeFormatter.ofPattern(format.pattern(), Locale.ROOT);
        this.zone = ZoneId.of(format.zone());
    }

    public DateTimeFormat format() {
        return format;
    }

    /**
     * Epoch days or epoch seconds (a fraction for sub-second precision).
     *
     * @throws DateTimeException when the text does not fit the pattern or is not a valid date
     */
    public double parse(String text) {
        return toNumber(fields(text));
    }

    /** The text's fields, for callers that also want its offset. */
    TemporalAccessor fields(String text) {
        return formatter.parse(text);
    }

    double toNumber(TemporalAccessor parsed) {
        LocalDate date = LocalDate.from(parsed);
        if (format.unit() == ChronoUnit.DAYS) {
            return date.toEpochDay();
        }
        LocalDateTime local = parsed.isSupported(ChronoField.HOUR_OF_DAY)
                ? LocalDateTime.of(date, LocalTime.from(parsed)) : date.atStartOfDay();
        Instant instant = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                ? local.toInstant(ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)))
                : local.atZone(zone).toInstant();
        return instant.getEpochSecond() + instant.getNano() / 1e9;
    }

    /** The text of a value in this format; sub-second parts are rounded to microseconds. */
    public String render(double value) {
        if (format.unit() == ChronoUnit.DAYS) {
            return LocalDate.ofEpochDay(Math.round(value)).format(formatter);
        }
        long seconds = (long) Math.floor(value);
        long micros = Math.round((value - seconds) * 1e6);
        if (micros >= 1_000_000) {
            seconds++;
            micros -= 1_000_000;
        }
        return Instant.ofEpochSecond(seconds, micros * 1_000).atZone(zone).format(formatter);
    }
}
