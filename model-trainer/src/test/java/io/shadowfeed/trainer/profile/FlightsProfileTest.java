package io.shadowfeed.trainer.profile;

import io.shadowfeed.trainer.data.ColumnKind;
import io.shadowfeed.trainer.data.DataTable;
import io.shadowfeed.trainer.data.RawTable;
import io.shadowfeed.trainer.io.CsvTableReader;
import io.shadowfeed.trainer.testutils.TestDatasets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** nycflights13: a year of departures with ISO-8601 offset datetimes that switch between EST and EDT. */
class FlightsProfileTest {

    private static RawTable flights;
    private static TableProfile profile;

    @BeforeAll
    static void profile() {
        flights = CsvTableReader.read(TestDatasets.file("nycflights13/flights.csv"));
        profile = Profiler.builder().allowConstantColumns(true).build().profile(flights);
    }

    @Test
    void infersTheKindsOfTheFlightColumns() {
        assertThat(profile.rowCount()).isEqualTo(336_776);
        assertThat(profile.column("year").kind()).isEqualTo(ColumnKind.DISCRETE);
        assertThat(profile.column("year").cardinality()).isEqualTo(1);
        for (String name : List.of("dep_delay", "arr_delay", "air_time", "distance", "dep_time")) {
            assertThat(profile.column(name).kind()).as(name).isEqualTo(ColumnKind.CONTINUOUS);
        }
        for (String name : List.of("carrier", "origin", "dest")) {
            assertThat(profile.column(name).kind()).as(name).isEqualTo(ColumnKind.DISCRETE);
        }
        // Thousands of tail numbers are too many categories: left to the PII policies, and never listed.
        ColumnProfile tailnum = profile.column("tailnum");
        assertThat(tailnum.kind()).isEqualTo(ColumnKind.IDENTIFIER);
        assertThat(tailnum.categories()).isNull();
        assertThat(tailnum.nullCount()).isPositive();
        assertThat(profile.column("dep_delay").nullCount()).isEqualTo(profile.column("dep_datetime").nullCount());
    }

    @Test
    void departureTimesAreDatetimesThatRenderBackWithTheirOwnOffsets() {
        ColumnProfile departures = profile.column("dep_datetime");
        assertThat(departures.kind()).isEqualTo(ColumnKind.DATETIME);
        assertThat(departures.dateTime().pattern()).isEqualTo("yyyy-MM-dd'T'HH:mm:ssXXX");
        assertThat(departures.dateTime().unit()).isEqualTo(ChronoUnit.SECONDS);
        assertThat(departures.dateTime().zone()).startsWith("America/");

        DataTable typed = profile.type(flights);
        int column = typed.columnIndex("dep_datetime");
        int raw = flights.columnIndex("dep_datetime");
        DateTimeCodec codec = departures.dateTime().codec();
        int checked = 0;
        for (int r = 0; r < typed.rowCount(); r += 5) {
            String text = flights.cell(raw, r);
            if (text == null) {
                assertThat(typed.isNull(column, r)).isTrue();
                continue;
            }
            double seconds = typed.number(column, r);
            if (seconds != OffsetDateTime.parse(text).toEpochSecond() || !codec.render(seconds).equals(text)) {
                assertThat(codec.render(seconds)).as("row %d", r + 1).isEqualTo(text);
                assertThat(seconds).as("row %d", r + 1).isEqualTo(OffsetDateTime.parse(text).toEpochSecond());
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(60_000);
        assertThat(departures.range().min()).isEqualTo(OffsetDateTime.parse("2013-01-01T05:17:00-05:00")
                .toEpochSecond());
    }

    @Test
    void aConstantColumnIsAnErrorUnlessAllowed() {
        RawTable sample = flights.selectRows(IntStream.range(0, 2_000).toArray());

        assertThatThrownBy(() -> Profiler.builder().build().profile(sample))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("column 'year' holds the same value in all 2000 non-empty rows")
                .hasMessageContaining("drop the column");
    }

    @Test
    void weatherTimeHourIsADatetime() {
        RawTable weather = CsvTableReader.read(TestDatasets.file("nycflights13/weather.csv"));

        TableProfile weatherProfile = Profiler.builder().allowConstantColumns(true).build().profile(weather);

        ColumnProfile timeHour = weatherProfile.column("time_hour");
        assertThat(timeHour.kind()).isEqualTo(ColumnKind.DATETIME);
        assertThat(timeHour.dateTime().unit()).isEqualTo(ChronoUnit.SECONDS);
        assertThat(weatherProfile.column("origin").kind()).isEqualTo(ColumnKind.DISCRETE);
        assertThat(weatherProfile.column("temp").kind()).isEqualTo(ColumnKind.CONTINUOUS);
        assertThat(weatherProfile.column("temp").range().integral()).isFalse();
        assertThat(weatherProfile.column("humid").kind()).isEqualTo(ColumnKind.CONTINUOUS);
    }
}
