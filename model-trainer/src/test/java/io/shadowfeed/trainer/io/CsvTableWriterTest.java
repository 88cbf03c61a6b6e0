package io.shadowfeed.trainer.io;

import io.shadowfeed.trainer.data.ColumnKind;
import io.shadowfeed.trainer.data.DataTable;
import io.shadowfeed.trainer.data.RawTable;
import io.shadowfeed.trainer.profile.Profiler;
import io.shadowfeed.trainer.profile.TableProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvTableWriterTest {

    @TempDir
    Path dir;

    @Test
    void aTypedTableWrittenByItsProfileReadsBackAsTheSourceText() throws IOException {
        RawTable source = sampleTable();
        TableProfile profile = Profiler.builder().build().profile(source);
        DataTable typed = profile.type(source);
        Path file = dir.resolve("out.csv");

        CsvTableWriter.write(typed, profile, file);

        assertThat(profile.columns()).extracting(c -> c.kind()).containsExactly(ColumnKind.CONTINUOUS,
                ColumnKind.CONTINUOUS, ColumnKind.DATETIME, ColumnKind.DATETIME, ColumnKind.BOOLEAN,
                ColumnKind.DISCRETE);
        assertThat(CsvTableReader.read(file)).isEqualTo(source);
        assertThat(Files.readAllLines(file).get(1)).isEqualTo("39,1.25,2021-01-01 00:00:00,2021-03-01,Y,\"a, b\"");
    }

    @Test
    void rendersNewValuesInTheSourceFormat() throws IOException {
        TableProfile profile = Profiler.builder().build().profile(sampleTable());
        DataTable synthetic = DataTable.builder()
                .addNumeric("age", ColumnKind.CONTINUOUS, new double[] {40.4999, Double.NaN})
                .addNumeric("score", ColumnKind.CONTINUOUS, new double[] {2.71828, -0.004})
                .addNumeric("at", ColumnKind.DATETIME, new double[] {1_609_459_200 + 3_661.4, Double.NaN})
                .addNumeric("day", ColumnKind.DATETIME, new double[] {18_687.6, 0})
                .addCategorical("vip", ColumnKind.BOOLEAN, new String[] {"false", null})
                .addCategorical("tag", ColumnKind.DISCRETE, new String[] {"c", null})
                .build();
        Path file = dir.resolve("synthetic.csv");

        CsvTableWriter.write(synthetic, profile, file);

        assertThat(Files.readAllLines(file)).containsExactly("age,score,at,day,vip,tag",
                "40,2.72,2021-01-01 01:01:01,2021-03-02,N,c", ",0,,1970-01-01,,");
    }

    @Test
    void writesWithoutAProfileInPlainForm() throws IOException {
        DataTable table = DataTable.builder()
                .addNumeric("x", ColumnKind.CONTINUOUS, new double[] {3.0, 0.1, 1e-7})
                .addCategorical("y", ColumnKind.DISCRETE, new String[] {"p", null, "q"})
                .build();
        Path file = dir.resolve("plain.csv");

        CsvTableWriter.write(table, file);

        assertThat(Files.readAllLines(file)).containsExactly("x,y", "3,p", "0.1,", "0.0000001,q");
    }

    @Test
    void refusesAColumnThatTheProfileLacks() {
        TableProfile profile = Profiler.builder().build().profile(sampleTable());
        DataTable other = DataTable.builder()
                .addNumeric("height", ColumnKind.CONTINUOUS, new double[] {1.8})
                .build();

        assertThatThrownBy(() -> CsvTableWriter.write(other, profile, dir.resolve("x.csv")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no column 'height'");
    }

    /** Twelve rows whose text is already in the form the writer renders. */
    private static RawTable sampleTable() {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rows.add(new String[] {
                    i == 7 ? null : Integer.toString(39 + i * 3),
                    i == 2 ? null : List.of("1.25", "-0.75", "3.5", "10", "0.01", "7.1").get(i % 6),
                    i == 4 ? null : String.format("2021-01-%02d %02d:%02d:00", 1 + i, i, (i * 7) % 60),
                    String.format("2021-03-%02d", 1 + i * 2),
                    i % 3 == 0 ? "Y" : "N",
                    List.of("a, b", "c", "d").get(i % 3)});
        }
        return RawTable.fromRows(List.of("age", "score", "at", "day", "vip", "tag"), rows);
    }
}
