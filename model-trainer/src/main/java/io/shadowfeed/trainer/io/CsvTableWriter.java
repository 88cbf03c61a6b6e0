package io.shadowfeed.trainer.io;

import io.shadowfeed.trainer.data.DataTable;
import io.shadowfeed.trainer.profile.ColumnRenderer;
import io.shadowfeed.trainer.profile.TableProfile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes a typed table as UTF-8 CSV with a header row (RFC 4180 quoting, LF line ends, an empty field for a null),
 * the form {@link CsvTableReader} reads. A text cell that spells a missing-value marker ({@code NA}, {@code ?}, ...)
 * is written as it is and so reads back as null.
 */
public final class CsvTableWriter {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').build();

    private CsvTableWriter() {}

    /**
     * Renders each column as its profile says (whole numbers without a fraction, datetimes in their source format,
     * booleans in their source spelling).
     *
     * @throws IllegalArgumentException when the profile lacks a column of the table or gives it another kind
     */
    public static void write(DataTable table, TableProfile profile, Path file) throws IOException {
        Objects.requireNonNull(profile, "profile");
        ColumnRenderer[] renderers = new ColumnRenderer[table.columnCount()];
        for (int c = 0; c < renderers.length; c++) {
            renderers[c] = ColumnRenderer.of(profile.column(table.columnNames().get(c)));
        }
        write(table, renderers, file);
    }

    /** Renders without a profile: numbers in their shortest plain form, datetimes as their numbers. */
    public static void write(DataTable table, Path file) throws IOException {
        ColumnRenderer[] renderers = new ColumnRenderer[table.columnCount()];
        for (int c = 0; c < renderers.length; c++) {
            renderers[c] = ColumnRenderer.plain(table.kind(c));
        }
        write(table, renderers, file);
    }

    private static void write(DataTable table, ColumnRenderer[] renderers, Path file) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, FORMAT)) {
            printer.printRecord(table.columnNames());
            String[] row = new String[table.columnCount()];
            for (int r = 0; r < table.rowCount(); r++) {
                for (int c = 0; c < row.length; c++) {
                    row[c] = renderers[c].render(table, c, r);
                }
                printer.printRecord((Object[]) row);
            }
        }
    }
}
