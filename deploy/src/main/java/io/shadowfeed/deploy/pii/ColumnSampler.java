package io.shadowfeed.deploy.pii;

import io.shadowfeed.deploy.replay.CsvConversionException;
import io.shadowfeed.deploy.replay.CsvFormatException;
import io.shadowfeed.deploy.replay.CsvSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads the first rows of a CSV (RFC 4180, header row, UTF-8) without a schema: every value is text and an empty
 * field is null. Reads no further than it needs, so sampling a large file is cheap.
 */
public final class ColumnSampler {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .build();
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final int maxRows;

    private ColumnSampler(int maxRows) {
        this.maxRows = maxRows;
    }

    /** @param maxRows how many data rows to read at most, > 0 */
    public static ColumnSampler firstRows(int maxRows) {
        if (maxRows <= 0) {
            throw new IllegalArgumentException("the sample must be at least 1 row. Provided value: " + maxRows);
        }
        return new ColumnSampler(maxRows);
    }

    /**
     * @throws CsvFormatException if the source cannot be read, has no header or is malformed
     * @throws CsvConversionException for a sampled row whose number of values differs from the header's
     */
    public CsvSample sample(CsvSource source) {
        Reader reader;
        try {
            reader = source.opener().open();
        } catch (IOException e) {
            throw new CsvFormatException("cannot open " + source.name() + ": " + e.getMessage(), e);
        }
        try (CSVParser parser = parse(reader, source.name())) {
            List<String> columns = header(parser, source.name());
            List<Map<String, String>> rows = new ArrayList<>();
            Iterator<CSVRecord> records = parser.iterator();
            while (rows.size() < maxRows && hasNext(records, parser, source.name())) {
                rows.add(row(records.next(), columns, source.name(), parser.getCurrentLineNumber()));
            }
            return new CsvSample(source.name(), columns, rows);
        } catch (IOException e) {
            throw new CsvFormatException("cannot read " + source.name() + ": " + e.getMessage(), e);
        }
    }

    private static CSVParser parse(Reader reader, String name) {
        try {
            return FORMAT.parse(reader);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            try {
                reader.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw new CsvFormatException("cannot read the header of " + name + ": " + e.getMessage(), e);
        }
    }

    private static List<String> header(CSVParser parser, String name) {
        List<String> header = new ArrayList<>(parser.getHeaderNames());
        if (header.isEmpty()) {
            throw new CsvFormatException(name + " has no header row");
        }
        String first = header.get(0);
        if (!first.isEmpty() && first.charAt(0) == BYTE_ORDER_MARK) {
            header.set(0, first.substring(1));
        }
        return Collections.unmodifiableList(header);
    }

    private static boolean hasNext(Iterator<CSVRecord> records, CSVParser parser, String name) {
        try {
            return records.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new CsvFormatException(name + " is malformed near line " + (parser.getCurrentLineNumber() + 1)
                    + ": " + rootMessage(e), e);
        }
    }

    private static Map<String, String> row(CSVRecord record, List<String> columns, String name, long line) {
        if (record.size() != columns.size()) {
            throw new CsvConversionException(name, line, null,
                    "has " + record.size() + " values but the header has " + columns.size() + " columns");
        }
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            String value = record.get(i);
            row.putIfAbsent(columns.get(i), value.isEmpty() ? null : value);
        }
        return Collections.unmodifiableMap(row);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
