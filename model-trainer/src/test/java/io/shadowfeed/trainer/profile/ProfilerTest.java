package io.shadowfeed.trainer.profile;

import io.shadowfeed.trainer.data.ColumnKind;
import io.shadowfeed.trainer.data.DataTable;
import io.shadowfeed.trainer.data.RawTable;
import org.junit.jupiter.api.Test;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfilerTest {

    private static final int ROWS = 60;
    private static final Profiler PROFILER = Profiler.builder().build();

    @Test
    void infersBooleansFromAnyCommonSpellingIncludingZeroOne() {
        TableProfile profile = PROFILER.profile(table(
                column("flag", r -> r % 3 == 0 ? "1" : "0"),
                column("answer", r -> r % 2 == 0 ? "Yes" : "No"),
                column("tf", r -> r % 4 == 0 ? "T" : "f"),
                column("sex", r -> r % 2 == 0 ? "Male" : "Female")));

        ColumnProfile flag = profile.column("flag");
        assertThat(flag.kind()).isEqualTo(ColumnKind.BOOLEAN);
        assertThat(flag.booleanTokens()).isEqualTo(new BooleanTokens("1", "0"));
        assertThat(flag.categories()).containsExactly(new CategoryCount("false", 40), new CategoryCount("true", 20));
        assertThat(profile.column("answer").booleanTokens()).isEqualTo(new BooleanTokens("Yes", "No"));
        assertThat(profile.column("tf").kind()).isEqualTo(ColumnKind.BOOLEAN);
        assertThat(profile.column("sex").kind()).isEqualTo(ColumnKind.DISCRETE);
        DataTable typed = profile.type(table(column("flag", r -> r % 3 == 0 ? "1" : "0"),
                column("answer", r -> "yes"), column("tf", r -> "t"), column("sex", r -> "Male")));
        assertThat(typed.category(0, 0)).isEqualTo("true");
        assertThat(typed.category(0, 1)).isEqualTo("false");
        assertThat(typed.category(1, 5)).isEqualTo("true");
    }

    @Test
    void infersNumbersAsContinuousOrAsFewWholeCategories() {
        TableProfile profile = PROFILER.profile(table(
                column("engines", r -> Integer.toString(1 + r % 4)),
                column("month", r -> Integer.toString(1 + r % 12)),
                column("price", r -> (r % 5) + ".5"),
                column("postcode", r -> String.format("%05d", r % 20))));

        assertThat(profile.column("engines").kind()).isEqualTo(ColumnKind.DISCRETE);
        assertThat(profile.column("month").kind()).isEqualTo(ColumnKind.CONTINUOUS);
        ColumnProfile price = profile.column("price");
        assertThat(price.kind()).isEqualTo(ColumnKind.CONTINUOUS);
        assertThat(price.range()).isEqualTo(new NumericRange(0.5, 4.5, false, 1));
        // Zero-padded codes would lose their zeros as numbers.
        assertThat(profile.column("postcode").kind()).isEqualTo(ColumnKind.DISCRETE);
        assertThat(profile.column("postcode").categoryValues()).contains("00007");
    }

    @Test
    void infersIdentifiersFromKeyNamesAndUniqueness() {
        TableProfile profile = PROFILER.profile(table(
                column("CustomerId", r -> Integer.toString(r + 1)),
                column("SupportRepId", r -> Integer.toString(3 + r % 3)),
                column("humid", r -> Integer.toString(40 + r)),
                column("email", r -> "user" + r + "@example.org"),
                column("code", r -> "C" + (r % 7))));

        assertThat(profile.column("CustomerId").kind()).isEqualTo(ColumnKind.IDENTIFIER);
        assertThat(profile.column("SupportRepId").kind()).isEqualTo(ColumnKind.IDENTIFIER);
        assertThat(profile.column("humid").kind()).isEqualTo(ColumnKind.CONTINUOUS);
        assertThat(profile.column("email").kind()).isEqualTo(ColumnKind.IDENTIFIER);
        assertThat(profile.column("code").kind()).isEqualTo(ColumnKind.DISCRETE);
        assertThat(profile.modelledColumns()).extracting(ColumnProfile::name)
                .containsExactly("humid", "code");
    }

    @Test
    void infersFreeTextFromLongSpacedDistinctValues() {
        TableProfile profile = PROFILER.profile(table(
                column("review", r -> "The flight number " + r + " was late and the crew was kind"),
                column("city", r -> "City " + (r % 9))));

        ColumnProfile review = profile.column("review");
        assertThat(review.kind()).isEqualTo(ColumnKind.FREE_TEXT);
        assertThat(review.categories()).isNull();
        assertThat(review.cardinality()).isEqualTo(ROWS);
        assertThat(profile.column("city").kind()).isEqualTo(ColumnKind.DISCRETE);
    }

    @Test
    void textColumnsWithTooManyCategoriesAreNotModelled() {
        RawTable raw = table(column("tag", r -> "t" + (r % 30)));

        assertThat(PROFILER.profile(raw).column("tag").kind()).isEqualTo(ColumnKind.DISCRETE);
        assertThat(Profiler.builder().maxCategories(20).build().profile(raw).column("tag").kind())
                .isEqualTo(ColumnKind.IDENTIFIER);
    }

    @Test
    void infersDatesAndDatetimesWithTheirUnits() {
        TableProfile profile = PROFILER.profile(table(
                column("day", r -> String.format("2021-02-%02d", 1 + r % 28)),
                column("at", r -> r == 0 ? null : String.format("2021-01-01 %02d:%02d:00", r % 24, r)),
                column("iso", r -> String.format("2021-01-01T10:%02d:00Z", r))));

        ColumnProfile day = profile.column("day");
        assertThat(day.dateTime()).isEqualTo(new DateTimeFormat("yyyy-MM-dd", ChronoUnit.DAYS, "UTC"));
        assertThat(day.range().min()).isEqualTo(18_659);
        ColumnProfile at = profile.column("at");
        assertThat(at.dateTime()).isEqualTo(new DateTimeFormat("yyyy-MM-dd HH:mm:ss", ChronoUnit.SECONDS, "UTC"));
        assertThat(at.nullCount()).isEqualTo(1);
        assertThat(profile.column("iso").dateTime())
                .isEqualTo(new DateTimeFormat("yyyy-MM-dd'T'HH:mm:ssXXX", ChronoUnit.SECONDS, "Z"));
    }

    @Test
    void anEmptyTableIsATypedError() {
        RawTable empty = RawTable.of(List.of("a"), List.<String[]>of(new String[0]));

        assertThatThrownBy(() -> PROFILER.profile(empty))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("has no rows");
    }

    @Test
    void tooFewRowsIsATypedErrorNamingTheMinimum() {
        RawTable one = RawTable.fromRows(List.of("a", "b"), List.<String[]>of(new String[] {"1", "x"}));

        assertThatThrownBy(() -> PROFILER.profile(one))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("has 1 row;")
                .hasMessageContaining("at least 10");
        assertThat(Profiler.builder().minRows(1).allowConstantColumns(true).build().profile(one).rowCount())
                .isEqualTo(1);
    }

    @Test
    void anAllNullColumnIsATypedErrorNamingIt() {
        RawTable raw = table(column("age", r -> Integer.toString(r)), column("fax", r -> null));

        assertThatThrownBy(() -> PROFILER.profile(raw))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("column 'fax' has no values")
                .hasMessageContaining("drop the column");
    }

    @Test
    void aConstantColumnIsATypedErrorUnlessDeclaredOrAllowed() {
        RawTable raw = table(column("age", r -> Integer.toString(r)), column("country", r -> "Norway"));

        assertThatThrownBy(() -> PROFILER.profile(raw))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("column 'country' holds the same value")
                .hasMessageContaining("declare its type in the metadata")
                .hasMessageNotContaining("Norway");
        MetadataOverrides declared = new MetadataOverrides(
                List.of(new DeclaredColumn("country", ColumnKind.DISCRETE, null, null)));
        assertThat(PROFILER.profile(raw, declared).column("country").categoryValues()).containsExactly("Norway");
        assertThat(Profiler.builder().allowConstantColumns(true).build().profile(raw).column("country").kind())
                .isEqualTo(ColumnKind.DISCRETE);
    }

    @Test
    void textInADeclaredContinuousColumnNamesColumnAndRow() {
        RawTable raw = table(column("income", r -> r == 41 ? "unknown-secret" : Integer.toString(1000 + r)));
        MetadataOverrides declared = new MetadataOverrides(
                List.of(new DeclaredColumn("income", ColumnKind.CONTINUOUS, null, null)));

        assertThatThrownBy(() -> PROFILER.profile(raw, declared))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("column 'income'")
                .hasMessageContaining("row 42")
                .hasMessageContaining("declare the column categorical in the metadata")
                .hasMessageNotContaining("unknown-secret");
    }

    @Test
    void textInAContinuousColumnWhenTypingNamesColumnAndRow() {
        TableProfile profile = PROFILER.profile(table(column("income", r -> Integer.toString(1000 + r))));
        RawTable later = table(column("income", r -> r == 9 ? "n/a-ish" : Integer.toString(r)));

        assertThatThrownBy(() -> profile.type(later))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("column 'income' is continuous but row 10 is not a number")
                .hasMessageNotContaining("n/a-ish");
        assertThatThrownBy(() -> profile.type(table(column("salary", r -> "1"))))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("no column 'income'")
                .hasMessageContaining("[salary]");
    }

    @Test
    void declaredKindsThatTheValuesDoNotFitAreTypedErrors() {
        RawTable raw = table(
                column("sex", r -> r % 2 == 0 ? "M" : "F"),
                column("grade", r -> List.of("low", "mid", "high", "top").get(r % 4)),
                column("born", r -> r == 30 ? "1990-13-45" : "1990-01-" + String.format("%02d", 1 + r % 28)));

        assertThatThrownBy(() -> PROFILER.profile(raw, declare(new DeclaredColumn("sex", ColumnKind.BOOLEAN,
                null, null))))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("column 'sex' is declared boolean but row 1")
                .hasMessageContaining("declare the column categorical");
        assertThatThrownBy(() -> PROFILER.profile(raw, declare(new DeclaredColumn("grade", ColumnKind.ORDINAL,
                null, List.of("low", "mid", "high")))))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("column 'grade': row 4 holds a category that its declared order does not list");
        assertThatThrownBy(() -> PROFILER.profile(raw, declare(new DeclaredColumn("born", ColumnKind.DATETIME,
                "yyyy-MM-dd", null))))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("column 'born': row 31 does not fit its datetime format 'yyyy-MM-dd'");
        assertThatThrownBy(() -> PROFILER.profile(raw, declare(new DeclaredColumn("grade", ColumnKind.DATETIME,
                null, null))))
                .isInstanceOf(ProfileException.class)
                .hasMessageContaining("column 'grade' is declared datetime but its values fit none")
                .hasMessageContaining("\"format\"");
    }

    @Test
    void declaredOrdinalsKeepTheirOrderAndDeclaredDatetimesTheirFormat() {
        RawTable raw = table(
                column("grade", r -> List.of("low", "mid", "high").get(r % 3)),
                column("stamp", r -> String.format("%02d/01/2021 %02d:00", 1 + r % 28, r % 24)));
        MetadataOverrides metadata = new MetadataOverrides(List.of(
                new DeclaredColumn("grade", ColumnKind.ORDINAL, null, List.of("low", "mid", "high", "top")),
                new DeclaredColumn("stamp", ColumnKind.DATETIME, "dd/MM/yyyy HH:mm", null)));

        TableProfile profile = PROFILER.profile(raw, metadata);

        assertThat(profile.column("grade").categories()).containsExactly(new CategoryCount("low", 20),
                new CategoryCount("mid", 20), new CategoryCount("high", 20), new CategoryCount("top", 0));
        ColumnProfile stamp = profile.column("stamp");
        assertThat(stamp.dateTime().pattern()).isEqualTo("dd/MM/yyyy HH:mm");
        assertThat(stamp.declared()).isTrue();
        DataTable typed = profile.type(raw);
        assertThat(stamp.dateTime().codec().render(typed.number(1, 5))).isEqualTo(raw.cell(1, 5));
    }

    @Test
    void aMetadataColumnTheTableLacksIsATypedErrorListingTheColumns() {
        RawTable raw = table(column("age", r -> Integer.toString(r)));

        assertThatThrownBy(() -> PROFILER.profile(raw, declare(new DeclaredColumn("salary", ColumnKind.CONTINUOUS,
                null, null))))
                .isInstanceOf(MetadataException.class)
                .hasMessageContaining("'salary'")
                .hasMessageContaining("[age]");
    }

    @Test
    void builderRejectsNonsenseThresholds() {
        assertThatThrownBy(() -> Profiler.builder().minRows(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("minRows must be >= 1. Provided value: 0");
        assertThatThrownBy(() -> Profiler.builder().identifierRatio(1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("identifierRatio must be in (0, 1]");
        assertThatThrownBy(() -> Profiler.builder().maxCategories(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Profiler.builder().maxDiscreteNumericValues(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static MetadataOverrides declare(DeclaredColumn column) {
        return new MetadataOverrides(List.of(column));
    }

    private record Column(String name, String[] cells) {
    }

    private static Column column(String name, IntFunction<String> cell) {
        String[] cells = new String[ROWS];
        Arrays.setAll(cells, cell);
        return new Column(name, cells);
    }

    private static RawTable table(Column... columns) {
        List<String> names = new ArrayList<>();
        List<String[]> cells = new ArrayList<>();
        for (Column column : columns) {
            names.add(column.name());
            cells.add(column.cells());
        }
        return RawTable.of(names, cells);
    }
}
