package io.shadowfeed.trainer.profile;

import java.time.DateTimeException;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The datetime formats that profiling recognises by itself, and the check that a column fits a format. Only
 * unambiguous year-first layouts: {@code 01/02/2013} could be either day or month first, so such columns need their
 * format declared in the metadata.
 */
final class DateTimePatterns {

    /** Most specific first: a value decides which candidates are tried on its column. */
    static final List<String> CANDIDATES = List.of(
            "yyyy-MM-dd'T'HH:mm:ss.SSSXXX",
            "yyyy-MM-dd'T'HH:mm:ssXXX",
            "yyyy-MM-dd'T'HH:mm:ss.SSS",
            "yyyy-MM-dd'T'HH:mm:ss",
            "yyyy-MM-dd'T'HH:mm",
            "yyyy-MM-dd HH:mm:ss.SSS",
            "yyyy-MM-dd HH:mm:ss",
            "yyyy-MM-dd HH:mm",
            "yyyy-MM-dd",
            "yyyy/MM/dd HH:mm:ss",
            "yyyy/MM/dd");

    /** A format that every value of a column fits, and the values' range in its unit. */
    record Fit(DateTimeFormat format, NumericRange range) {
    }

    private DateTimePatterns() {}

    /** The first candidate that every value fits, or null. */
    static Fit detect(ColumnValues values) {
        String sample = values.counts.keySet().iterator().next();
        if (sample.isEmpty() || !Character.isDigit(sample.charAt(0))) {
            return null;
        }
        for (String pattern : CANDIDATES) {
            if (fits(pattern).test(sample)) {
                Fit fit = fit(values, pattern);
                if (fit != null) {
                    return fit;
                }
            }
        }
        return null;
    }

    /**
     * The format with its unit (days for a date-only pattern, seconds otherwise) and render zone (see
     * {@link RenderZone}; UTC for values without an offset), or null when some value does not fit.
     */
    static Fit fit(ColumnValues values, String pattern) {
        DateTimeFormatter formatter = DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
        String sample = values.counts.keySet().iterator().next();
        ChronoUnit unit;
        try {
            unit = formatter.parse(sample).isSupported(ChronoField.HOUR_OF_DAY) ? ChronoUnit.SECONDS : ChronoUnit.DAYS;
        } catch (DateTimeException e) {
            return null;
        }
        // Values with an offset parse to the same instant whatever the zone, values without one are read in UTC.
        DateTimeCodec codec = new DateTimeFormat(pattern, unit, "UTC").codec();
        RenderZone.Observations offsets = new RenderZone.Observations(values.cardinality());
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean integral = true;
        for (Map.Entry<String, Integer> entry : values.counts.entrySet()) {
            double value;
            try {
                TemporalAccessor parsed = codec.fields(entry.getKey());
                if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
                    value = codec.toNumber(parsed);
                    offsets.add((long) Math.floor(value), parsed.get(ChronoField.OFFSET_SECONDS), entry.getValue());
                } else {
                    value = codec.toNumber(parsed);
                }
            } catch (DateTimeException e) {
                return null;
            }
            min = Math.min(min, value);
            max = Math.max(max, value);
            integral &= value == Math.rint(value);
        }
        return new Fit(new DateTimeFormat(pattern, unit, offsets.isEmpty() ? "UTC" : RenderZone.choose(offsets)),
                new NumericRange(min, max, integral, 0));
    }

    /** A test of single values against a pattern, for finding the row that does not fit. */
    static Predicate<String> fits(String pattern) {
        DateTimeCodec codec = new DateTimeFormat(pattern, ChronoUnit.SECONDS, "UTC").codec();
        return text -> {
            try {
                codec.parse(text);
                return true;
            } catch (DateTimeException e) {
                return false;
            }
        };
    }
}
