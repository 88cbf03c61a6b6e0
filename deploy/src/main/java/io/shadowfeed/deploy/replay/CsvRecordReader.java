package io.shadowfeed.deploy.replay;

import io.shadowfeed.avro.schema.FieldSchema;
import io.shadowfeed.avro.schema.FieldType;
import io.shadowfeed.avro.schema.TableSchema;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads a CSV with a header row as rows of a table: columns are matched to the schema's fields by name, values are
 * converted by field type ({@link FieldValueParser}), and a null marker (by default the empty field) is null.
 *
 * <p>Columns the schema does not have are ignored (and named once in the log); a schema field without a column is
 * null if nullable and an error otherwise. An empty value of a non-nullable string field is the empty string.
 */
public final class CsvRecordReader implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(CsvRecordReader.class);
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .build();

    private final String source;
    private final TableSchema schema;
    private final Set<String> nullValues;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    /** Per schema field, its CSV column index, or -1 when the CSV has no such column. */
    private final int[] columns;
    private final int headerSize;

    private CsvRecordReader(String source, TableSchema schema, Set<String> nullValues, CSVParser parser) {
        this.source = source;
        this.schema = schema;
        this.nullValues = nullValues;
        this.parser = parser;
        this.records = parser.iterator();
        this.headerSize = parser.getHeaderNames().size();
        this.columns = mapColumns(parser.getHeaderNames());
    }

    /**
     * @param nullValues the texts that mean null (usually just the empty string)
     * @throws CsvFormatException if the header is missing or a required column is absent
     */
    public static CsvRecordReader open(CsvSource source, TableSchema schema, Set<String> nullValues) {
        return open(source.open(), source.name(), schema, nullValues);
    }

    public static CsvRecordReader open(Reader reader, String sourceName, TableSchema schema, Set<String> nullValues) {
        Objects.requireNonNull(schema, "schema");
        try {
            CSVParser parser = FORMAT.parse(reader);
            if (parser.getHeaderNames().isEmpty()) {
                parser.close();
                throw new CsvFormatException(sourceName + " has no header row");
            }
            return new CsvRecordReader(sourceName, schema, Set.copyOf(nullValues), parser);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            closeQuietly(reader, e);
            throw new CsvFormatException("cannot read the header of " + sourceName + ": " + e.getMessage(), e);
        } catch (CsvFormatException e) {
            closeQuietly(reader, e);
            throw e;
        }
    }

    /** Counts the data rows of a source without converting them (for a progress bar's total). */
    public static long countRows(CsvSource source) {
        try (CSVParser parser = FORMAT.parse(source.open())) {
            long rows = 0;
            for (Iterator<CSVRecord> it = parser.iterator(); it.hasNext(); it.next()) {
                rows++;
            }
            return rows;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new CsvFormatException("cannot read " + source.name() + ": " + e.getMessage(), e);
        }
    }

    public TableSchema schema() {
        return schema;
    }

    /**
     * The next row, or null at the end of the data.
     *
     * @throws CsvConversionException for a row that does not fit the schema (the reader moves past it)
     * @throws CsvFormatException if the file itself is malformed (an unterminated quote, an I/O error)
     */
    public CsvRow next() {
        CSVRecord record;
        try {
            if (!records.hasNext()) {
                return null;
            }
            record = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new CsvFormatException(source + " is malformed near line " + (parser.getCurrentLineNumber() + 1)
                    + ": " + rootMessage(e), e);
        }
        long line = startLine(record);
        if (record.size() != headerSize) {
            throw new CsvConversionException(source, line, null,
                    "has " + record.size() + " values but the header has " + headerSize + " columns");
        }
        Object[] values = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            values[i] = columns[i] < 0 ? null : convert(schema.field(i), record.get(columns[i]), line);
        }
        return new CsvRow(line, values);
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + source, e);
        }
    }

    private Object convert(FieldSchema field, String text, long line) {
        if (nullValues.contains(text)) {
            if (field.nullable()) {
                return null;
            }
            if (field.type() == FieldType.STRING && text.isEmpty()) {
                return text;
            }
            throw new CsvConversionException(source, line, field.name(),
                    "is empty, but the field is not nullable");
        }
        try {
            return FieldValueParser.parse(field.type(), text);
        } catch (IllegalArgumentException e) {
            throw new CsvConversionException(source, line, field.name(), e.getMessage() + " (" + field.type()
                    + ")");
        }
    }

    private int[] mapColumns(List<String> header) {
        Map<String, Integer> exact = new TreeMap<>();
        Map<String, Integer> folded = new TreeMap<>();
        for (int i = 0; i < header.size(); i++) {
            exact.putIfAbsent(header.get(i), i);
            folded.putIfAbsent(header.get(i).strip().toLowerCase(java.util.Locale.ROOT), i);
        }
        int[] mapping = new int[schema.size()];
        List<String> missingRequired = new ArrayList<>();
        List<String> missingNullable = new ArrayList<>();
        boolean[] used = new boolean[header.size()];
        for (int f = 0; f < schema.size(); f++) {
            FieldSchema field = schema.field(f);
            Integer column = exact.get(field.name());
            if (column == null) {
                column = folded.get(field.name().toLowerCase(java.util.Locale.ROOT));
            }
            mapping[f] = column == null ? -1 : column;
            if (column != null) {
                used[column] = true;
            } else if (field.nullable()) {
                missingNullable.add(field.name());
            } else {
                missingRequired.add(field.name());
            }
        }
        if (!missingRequired.isEmpty()) {
            throw new CsvFormatException(source + " has no column for the required fields " + missingRequired
                    + " of " + schema.fullName() + " (columns: " + header + ")");
        }
        if (!missingNullable.isEmpty()) {
            LOG.warn("{} has no column for the nullable fields {}; they will be null", source, missingNullable);
        }
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (!used[i]) {
                ignored.add(header.get(i));
            }
        }
        if (!ignored.isEmpty()) {
            LOG.warn("{}: ignoring columns {} that {} does not have", source, ignored, schema.fullName());
        }
        return mapping;
    }

    /**
     * The parser counts the lines it has consumed, up to the end of this record; quoted values may span lines, and
     * empty lines before the record are skipped, so count back from the end.
     */
    private long startLine(CSVRecord record) {
        long line = parser.getCurrentLineNumber();
        for (String value : record) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == value.length() || value.charAt(i + 1) != '\n'))) {
                    line--;
                }
            }
        }
        return line;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private static void closeQuietly(Reader reader, Exception primary) {
        try {
            reader.close();
        } catch (IOException e) {
            primary.addSuppressed(e);
        }
    }
}
