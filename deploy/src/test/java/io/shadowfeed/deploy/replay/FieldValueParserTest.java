package io.shadowfeed.deploy.replay;

import io.shadowfeed.avro.schema.FieldType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldValueParserTest {

    @Test
    void parsesNumbersStrictly() {
        assertThat(FieldValueParser.parse(FieldType.INT, "416")).isEqualTo(416);
        assertThat(FieldValueParser.parse(FieldType.INT, " -3 ")).isEqualTo(-3);
        assertThat(FieldValueParser.parse(FieldType.LONG, "9007199254740993")).isEqualTo(9007199254740993L);
        assertThat(FieldValueParser.parse(FieldType.DOUBLE, "416")).isEqualTo(416.0);
        assertThat(FieldValueParser.parse(FieldType.DOUBLE, "1.98")).isEqualTo(1.98);
        assertThat(FieldValueParser.parse(FieldType.DOUBLE, "-2.5e3")).isEqualTo(-2500.0);
        assertThat(FieldValueParser.parse(FieldType.FLOAT, ".5")).isEqualTo(0.5f);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "INT|2.0|not a 32-bit whole number",
            "INT|3000000000|not a 32-bit whole number",
            "INT|abc|not a 32-bit whole number",
            "LONG|1e3|not a 64-bit whole number",
            "DOUBLE|NaN|not a decimal number",
            "DOUBLE|1d|not a decimal number",
            "DOUBLE|0x1p3|not a decimal number",
            "DOUBLE|1e999|out of range for a double",
            "FLOAT|1e39|out of range for a float",
            "BOOLEAN|yes|not a boolean (true, false, 1 or 0)",
            "DATE|2021-13-01|not an ISO-8601 date (2021-01-31)",
            "BYTES|not base64!|not base64 (bytes fields are read as base64)",
    })
    void refusesValuesThatDoNotFitWithAReasonThatDoesNotRepeatThem(FieldType type, String text, String reason) {
        assertThatThrownBy(() -> FieldValueParser.parse(type, text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(reason);
    }

    @Test
    void parsesBooleans() {
        assertThat(FieldValueParser.parse(FieldType.BOOLEAN, "TRUE")).isEqualTo(true);
        assertThat(FieldValueParser.parse(FieldType.BOOLEAN, "0")).isEqualTo(false);
    }

    @Test
    void keepsStringsAsTheyAre() {
        assertThat(FieldValueParser.parse(FieldType.STRING, " Luís ")).isEqualTo(" Luís ");
    }

    @Test
    void parsesBytesAsBase64() {
        assertThat((byte[]) FieldValueParser.parse(FieldType.BYTES, "AQID")).containsExactly(1, 2, 3);
    }

    @Test
    void parsesTimestampsWithOffsetAsTheirInstant() {
        assertThat(FieldValueParser.parse(FieldType.TIMESTAMP_MILLIS, "2013-01-01T05:17:00-05:00"))
                .isEqualTo(Instant.parse("2013-01-01T10:17:00Z").toEpochMilli());
        assertThat(FieldValueParser.parse(FieldType.TIMESTAMP_MILLIS, "2013-01-01T10:17:00.250Z"))
                .isEqualTo(Instant.parse("2013-01-01T10:17:00.250Z").toEpochMilli());
    }

    @Test
    void parsesLocalDateTimesAsUtc() {
        long expected = Instant.parse("2021-01-01T00:00:00Z").toEpochMilli();
        assertThat(FieldValueParser.parse(FieldType.TIMESTAMP_MILLIS, "2021-01-01 00:00:00")).isEqualTo(expected);
        assertThat(FieldValueParser.parse(FieldType.TIMESTAMP_MILLIS, "2021-01-01T00:00:00")).isEqualTo(expected);
        assertThat(FieldValueParser.parse(FieldType.TIMESTAMP_MILLIS, "2021-01-01")).isEqualTo(expected);
    }

    @Test
    void parsesEpochMillis() {
        assertThat(FieldValueParser.parse(FieldType.TIMESTAMP_MILLIS, "1609459200000")).isEqualTo(1609459200000L);
        assertThat(FieldValueParser.parse(FieldType.TIMESTAMP_MILLIS, "-1000")).isEqualTo(-1000L);
    }

    @Test
    void refusesOtherTimestamps() {
        assertThatThrownBy(() -> FieldValueParser.parse(FieldType.TIMESTAMP_MILLIS, "01/02/2021 10:00"))
                .hasMessageStartingWith("not an ISO-8601 date-time");
        assertThatThrownBy(() -> FieldValueParser.parse(FieldType.TIMESTAMP_MILLIS, "2021-02-30 00:00:00"))
                .hasMessageStartingWith("not an ISO-8601 date-time");
    }

    @Test
    void parsesDatesAsEpochDays() {
        assertThat(FieldValueParser.parse(FieldType.DATE, "2021-01-31"))
                .isEqualTo((int) LocalDate.of(2021, 1, 31).toEpochDay());
    }

    @Test
    void turnsTimeValuesIntoEpochMillis() {
        assertThat(FieldValueParser.toEpochMillis(FieldType.DATE, 1)).isEqualTo(86_400_000L);
        assertThat(FieldValueParser.toEpochMillis(FieldType.TIMESTAMP_MILLIS, 5L)).isEqualTo(5L);
        assertThatThrownBy(() -> FieldValueParser.toEpochMillis(FieldType.INT, 5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
