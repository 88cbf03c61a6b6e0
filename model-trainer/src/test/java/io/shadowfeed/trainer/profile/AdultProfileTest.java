package io.shadowfeed.trainer.profile;

import io.shadowfeed.trainer.data.ColumnKind;
import io.shadowfeed.trainer.data.DataTable;
import io.shadowfeed.trainer.data.RawTable;
import io.shadowfeed.trainer.io.CsvTableReader;
import io.shadowfeed.trainer.testutils.TestDatasets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

class AdultProfileTest {

    private static final List<String> CONTINUOUS = List.of("age", "fnlwgt", "education_num", "capital_gain",
            "capital_loss", "hours_per_week");

    private static RawTable adult;

    @BeforeAll
    static void read() {
        adult = CsvTableReader.read(TestDatasets.file("adult/adult.csv"));
    }

    @Test
    void withTheCtganMetadataTheDeclaredKindsWin() {
        MetadataOverrides metadata = MetadataOverrides.read(TestDatasets.file("adult/adult.ctgan_metadata.json"));

        TableProfile profile = Profiler.builder().build().profile(adult, metadata);

        assertThat(profile.columns()).allSatisfy(c -> assertThat(c.declared()).isTrue());
        for (ColumnProfile column : profile.columns()) {
            ColumnKind expected = CONTINUOUS.contains(column.name()) ? ColumnKind.CONTINUOUS
                    : column.name().equals("education") ? ColumnKind.ORDINAL : ColumnKind.DISCRETE;
            assertThat(column.kind()).as(column.name()).isEqualTo(expected);
        }
        ColumnProfile education = profile.column("education");
        assertThat(education.categoryValues()).hasSize(16).isSorted();
        assertThat(education.categories().stream().mapToInt(CategoryCount::count).sum()).isEqualTo(32_561);
        ColumnProfile age = profile.column("age");
        assertThat(age.range().integral()).isTrue();
        assertThat(age.range().min()).isEqualTo(Arrays.stream(adult.column(0)).mapToInt(Integer::parseInt).min()
                .orElseThrow());
        assertThat(profile.modelledColumns()).hasSize(15);
    }

    @Test
    void withoutMetadataTheInferredKindsAreSensible() {
        TableProfile profile = Profiler.builder().build().profile(adult);

        for (String name : CONTINUOUS) {
            assertThat(profile.column(name).kind()).as(name).isEqualTo(ColumnKind.CONTINUOUS);
        }
        for (String name : List.of("workclass", "education", "marital_status", "occupation", "relationship", "race",
                "sex", "native_country", "income")) {
            assertThat(profile.column(name).kind()).as(name).isEqualTo(ColumnKind.DISCRETE);
        }
        assertThat(profile.columns()).noneMatch(ColumnProfile::declared);
        ColumnProfile workclass = profile.column("workclass");
        long nulls = Arrays.stream(adult.column(adult.columnIndex("workclass"))).filter(Objects::isNull).count();
        assertThat(workclass.nullCount()).isEqualTo(nulls);
        assertThat(workclass.nullRate()).isBetween(0.01, 0.2);
        assertThat(workclass.categories().get(0).value()).isEqualTo("Private");
        assertThat(workclass.categories()).isSortedAccordingTo((a, b) -> Integer.compare(b.count(), a.count()));
        assertThat(profile.column("income").categoryValues()).containsExactlyInAnyOrder("<=50K", ">50K");
    }

    @Test
    void typesTheTableByItsProfile() {
        TableProfile profile = Profiler.builder().build().profile(adult);

        DataTable typed = profile.type(adult);

        assertThat(typed.columnNames()).isEqualTo(adult.columnNames());
        int age = typed.columnIndex("age");
        for (int r = 0; r < 100; r++) {
            assertThat(typed.number(age, r)).isEqualTo(Double.parseDouble(adult.cell(age, r)));
        }
        assertThat(typed.categories(typed.columnIndex("sex"))).containsOnly("Male", "Female");
    }

    @Test
    void theSummaryListsEveryColumnWithoutCategoryValues() {
        MetadataOverrides metadata = MetadataOverrides.read(TestDatasets.file("adult/adult.ctgan_metadata.json"));
        TableProfile profile = Profiler.builder().build().profile(adult, metadata);

        String summary = ProfileSummary.render(profile);

        List<String> lines = summary.lines().toList();
        assertThat(lines).hasSize(1 + 15 + 1);
        assertThat(lines.get(0)).startsWith("column").contains("kind", "nulls", "distinct", "range / format");
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("age +CONTINUOUS\\* +0\\.0% +73 +17 \\.\\. 90 .*"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("education +ORDINAL\\* .* 16 ordered categories"));
        assertThat(summary).doesNotContain("Private", "Bachelors", "United-States");
        assertThat(lines.get(16)).startsWith("32561 rows, 15 of 15 columns modelled");
        // Fixed width: the kind column starts at the same place on every line.
        int kindAt = lines.get(0).indexOf("kind");
        assertThat(lines.subList(1, 16)).allSatisfy(l -> assertThat(l.charAt(kindAt - 1)).isEqualTo(' '));
        assertThat(lines.subList(1, 16)).allSatisfy(l -> assertThat(l.charAt(kindAt)).isUpperCase());
    }
}
