package io.shadowfeed.trainer.io;

import io.shadowfeed.trainer.data.RawTable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads a UTF-8 CSV file (RFC 4180 quoting, a header row) into a {@link RawTable}. Cells are trimmed, and an empty
 * cell or one of {@code NA}, {@code N/A}, {@code null}, {@code NULL}, {@code ?} becomes null. Blank lines are skipped.
 */
public final class CsvTableReader {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).build();

    private CsvTableReader() {}

    /**
     * @throws TableReadException for a missing or unreadable file, an empty file, a header without rows, a header with
     *     a blank or repeated column name, a row with another number of cells than the header, or broken quoting
     */
    public static RawTable read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new TableReadException("no such file: " + file);
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.parse(reader, FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new TableReadException(file + " is empty: expected a header row and at least one data row");
            }
            List<String> header = header(file, records.next());
            List<String[]> rows = new ArrayList<>();
            while (records.hasNext()) {
                CSVRecord record = records.next();
                if (record.size() != header.size()) {
                    throw new TableReadException(file + ": line " + firstLine(parser, record) + " has " + record.size()
                            + " cells but the header has " + header.size() + "; fix that row's quoting or delimiters");
                }
                String[] row = new String[header.size()];
                for (int c = 0; c < row.length; c++) {
                    row[c] = Cells.clean(record.get(c));
                }
                rows.add(row);
            }
            if (rows.isEmpty()) {
                throw new TableReadException(file + " has a header but no rows");
            }
            return RawTable.fromRows(header, rows);
        } catch (NoSuchFileException e) {
            throw new TableReadException("no such file: " + file, e);
        } catch (IOException | UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException || e instanceof CharacterCodingException) {
                throw new TableReadException(file + " is not UTF-8 text; convert it to UTF-8", e);
            }
            // commons-csv reports broken quoting as an IOException naming the line (never the cell's text).
            throw new TableReadException("cannot read " + file + " as CSV: " + e.getMessage(), e);
        }
    }

    private static List<String> header(Path file, CSVRecord record) {
        List<String> names = new ArrayList<>(record.size());
        Map<String, Integer> seen = new HashMap<>();
        for (int c = 0; c < record.size(); c++) {
            String name = record.get(c).strip();
            if (c == 0 && name.startsWith("\uFEFF")) {
                name = name.substring(1).strip();
            }
            if (name.isEmpty()) {
                throw new TableReadException(file + ": column " + (c + 1) + " of the header has no name; name it or"
                        + " remove the column");
            }
            Integer earlier = seen.putIfAbsent(name, c);
            if (earlier != null) {
                throw new TableReadException(file + ": the header names column '" + name + "' twice (columns "
                        + (earlier + 1) + " and " + (c + 1) + "); column names must be unique");
            }
            names.add(name);
        }
        return names;
    }

    /** The 1-based line a record starts on: the parser stands on the line where it ends, past any quoted breaks. */
    private static long firstLine(CSVParser parser, CSVRecord record) {
        long breaks = 0;
        for (String cell : record) {
            breaks += cell.chars().filter(ch -> ch == '\n').count();
        }
        return parser.getCurrentLineNumber() - breaks;
    }
}
