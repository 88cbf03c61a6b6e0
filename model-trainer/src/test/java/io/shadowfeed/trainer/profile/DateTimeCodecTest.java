package io.shadowfeed.trainer.profile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DateTimeCodecTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "yyyy-MM-dd'T'HH:mm:ss.SSSXXX | 2013-06-01T10:17:00.250+02:00 | 2013-06-01T08:17:00.250Z",
            "yyyy-MM-dd'T'HH:mm:ssXXX     | 2013-06-01T10:17:00+02:00     | 2013-06-01T08:17:00Z",
            "yyyy-MM-dd'T'HH:mm:ss.SSS    | 2013-06-01T10:17:00.250       | 2013-06-01T10:17:00.250Z",
            "yyyy-MM-dd'T'HH:mm:ss        | 2013-06-01T10:17:05           | 2013-06-01T10:17:05Z",
            "yyyy-MM-dd'T'HH:mm           | 2013-06-01T10:17              | 2013-06-01T10:17:00Z",
            "yyyy-MM-dd HH:mm:ss.SSS      | 2013-06-01 10:17:00.001       | 2013-06-01T10:17:00.001Z",
            "yyyy-MM-dd HH:mm:ss          | 1969-12-31 23:59:59           | 1969-12-31T23:59:59Z",
            "yyyy-MM-dd HH:mm             | 2013-06-01 10:17              | 2013-06-01T10:17:00Z",
            "yyyy/MM/dd HH:mm:ss          | 2013/06/01 10:17:00           | 2013-06-01T10:17:00Z"})
    void everyKnownDatetimePatternParsesToEpochSecondsAndRendersBack(String pattern, String text, String instant) {
        String zone = pattern.endsWith("XXX") ? "+02:00" : "UTC";
        DateTimeCodec codec = new DateTimeFormat(pattern, ChronoUnit.SECONDS, zone).codec();

        double seconds = codec.parse(text);

        Instant expected = Instant.parse(instant);
        assertThat(seconds).isCloseTo(expected.getEpochSecond() + expected.getNano() / 1e9,
                org.assertj.core.data.Offset.offset(1e-6));
        assertThat(codec.render(seconds)).isEqualTo(text);
        assertThat(DateTimePatterns.CANDIDATES).contains(pattern);
    }

    @ParameterizedTest
    @CsvSource({"yyyy-MM-dd, 2013-06-01", "yyyy/MM/dd, 1969/07/20", "dd.MM.yyyy, 29.02.2024"})
    void datesAreEpochDays(String pattern, String text) {
        DateTimeCodec codec = new DateTimeFormat(pattern, ChronoUnit.DAYS, "UTC").codec();

        double days = codec.parse(text);

        assertThat(days).isEqualTo(LocalDate.parse(text, java.time.format.DateTimeFormatter.ofPattern(pattern))
                .toEpochDay());
        assertThat(codec.render(days)).isEqualTo(text);
        assertThat(codec.render(days + 0.4)).isEqualTo(text);
    }

    @Test
    void offsetValuesKeepTheirInstantAndRenderInTheProfileZone() {
        DateTimeCodec newYork = new DateTimeFormat("yyyy-MM-dd'T'HH:mm:ssXXX", ChronoUnit.SECONDS,
                "America/New_York").codec();

        double winter = newYork.parse("2013-01-01T05:17:00-05:00");
        double summer = newYork.parse("2013-07-01T05:17:00-04:00");
        double sameInstant = newYork.parse("2013-07-01T09:17:00Z");

        assertThat(newYork.render(winter)).isEqualTo("2013-01-01T05:17:00-05:00");
        assertThat(newYork.render(summer)).isEqualTo("2013-07-01T05:17:00-04:00");
        assertThat(sameInstant).isEqualTo(summer);
    }

    @Test
    void localValuesAreReadInTheProfileZone() {
        DateTimeCodec berlin = new DateTimeFormat("yyyy-MM-dd HH:mm", ChronoUnit.SECONDS, "Europe/Berlin").codec();

        assertThat(berlin.parse("2021-01-01 01:00")).isEqualTo(Instant.parse("2021-01-01T00:00:00Z")
                .getEpochSecond());
        assertThat(berlin.render(Instant.parse("2021-07-01T00:00:00Z").getEpochSecond()))
                .isEqualTo("2021-07-01 02:00");
    }

    @Test
    void textThatDoesNotFitThrows() {
        DateTimeCodec codec = new DateTimeFormat("yyyy-MM-dd", ChronoUnit.DAYS, "UTC").codec();

        assertThatThrownBy(() -> codec.parse("2021-13-01")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> codec.parse("2021-01-01 10:00")).isInstanceOf(DateTimeException.class);
    }

    @Test
    void formatsValidateTheirParts() {
        assertThatThrownBy(() -> new DateTimeFormat("yyyy-MM-dd", ChronoUnit.HOURS, "UTC"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unit must be DAYS or SECONDS");
        assertThatThrownBy(() -> new DateTimeFormat("yyyy-MM-dd", ChronoUnit.DAYS, "Mars/Olympus"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DateTimeFormat("yyyy-MM-dd {", ChronoUnit.DAYS, "UTC"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
