package io.shadowfeed.trainer.io;

import io.shadowfeed.trainer.data.RawTable;
import io.shadowfeed.trainer.testutils.TestDatasets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvTableReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsAdultWithItsQuestionMarksAsNulls() {
        RawTable adult = CsvTableReader.read(TestDatasets.file("adult/adult.csv"));

        assertThat(adult.rowCount()).isEqualTo(32_561);
        assertThat(adult.columnNames()).hasSize(15).startsWith("age", "workclass").endsWith("income");
        String[] workclass = adult.column(adult.columnIndex("workclass"));
        assertThat(Arrays.stream(workclass).filter(Objects::isNull).count()).isPositive();
        for (int c = 0; c < adult.columnCount(); c++) {
            assertThat(adult.column(c)).doesNotContain("?").allSatisfy(cell -> {
                if (cell != null) {
                    assertThat(cell).isEqualTo(cell.strip()).isNotEmpty();
                }
            });
        }
    }

    @Test
    void trimsCellsAndTurnsMissingMarkersIntoNulls() throws IOException {
        Path file = write("""
                \uFEFF id , name,note
                1, x ,NA
                2,N/A," ?"
                3,null,NULL
                4,,"a, ""quoted"" note"

                5,"two
                lines",?
                """);

        RawTable table = CsvTableReader.read(file);

        assertThat(table.columnNames()).containsExactly("id", "name", "note");
        assertThat(table.column(0)).containsExactly("1", "2", "3", "4", "5");
        assertThat(table.column(1)).containsExactly("x", null, null, null, "two\nlines");
        assertThat(table.column(2)).containsExactly(null, null, null, "a, \"quoted\" note", null);
    }

    @Test
    void aMissingFileIsATypedError() {
        assertThatThrownBy(() -> CsvTableReader.read(dir.resolve("absent.csv")))
                .isInstanceOf(TableReadException.class)
                .hasMessageContaining("no such file")
                .hasMessageContaining("absent.csv");
    }

    @Test
    void anEmptyFileIsATypedError() throws IOException {
        assertThatThrownBy(() -> CsvTableReader.read(write("")))
                .isInstanceOf(TableReadException.class)
                .hasMessageContaining("is empty");
        assertThatThrownBy(() -> CsvTableReader.read(write("\n\n")))
                .isInstanceOf(TableReadException.class)
                .hasMessageContaining("is empty");
    }

    @Test
    void aHeaderWithoutRowsIsATypedError() throws IOException {
        assertThatThrownBy(() -> CsvTableReader.read(write("a,b\n")))
                .isInstanceOf(TableReadException.class)
                .hasMessageContaining("has a header but no rows");
    }

    @Test
    void aRaggedRowNamesItsLine() throws IOException {
        // The quoted line break makes the bad row start on line 4, not record 3.
        Path file = write("a,b\n\"x\ny\",1\nsecret-value\n");

        assertThatThrownBy(() -> CsvTableReader.read(file))
                .isInstanceOf(TableReadException.class)
                .hasMessageContaining("line 4 has 1 cells but the header has 2")
                .hasMessageNotContaining("secret-value");
    }

    @Test
    void repeatedOrBlankColumnNamesAreTypedErrors() throws IOException {
        assertThatThrownBy(() -> CsvTableReader.read(write("a,b,a\n1,2,3\n")))
                .isInstanceOf(TableReadException.class)
                .hasMessageContaining("column 'a' twice (columns 1 and 3)");
        assertThatThrownBy(() -> CsvTableReader.read(write(",b\n1,2\n")))
                .isInstanceOf(TableReadException.class)
                .hasMessageContaining("column 1 of the header has no name");
    }

    @Test
    void brokenQuotingIsATypedError() throws IOException {
        assertThatThrownBy(() -> CsvTableReader.read(write("a,b\n1,\"unclosed\n")))
                .isInstanceOf(TableReadException.class)
                .hasMessageContaining("cannot read");
    }

    @Test
    void textThatIsNotUtf8IsATypedError() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, "name\nK\u00f6hler\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> CsvTableReader.read(file))
                .isInstanceOf(TableReadException.class)
                .hasMessageContaining("not UTF-8");
    }

    private Path write(String text) throws IOException {
        Path file = Files.createTempFile(dir, "table", ".csv");
        Files.writeString(file, text);
        return file;
    }
}
