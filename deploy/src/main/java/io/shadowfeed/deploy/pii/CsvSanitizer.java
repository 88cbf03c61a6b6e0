package io.shadowfeed.deploy.pii;

import io.shadowfeed.avro.schema.FieldSchema;
import io.shadowfeed.avro.schema.TableSchema;
import io.shadowfeed.deploy.replay.CsvConversionException;
import io.shadowfeed.deploy.replay.CsvFormatException;
import io.shadowfeed.deploy.replay.CsvRecordReader;
import io.shadowfeed.deploy.replay.CsvRow;
import io.shadowfeed.deploy.replay.CsvSource;
import io.shadowfeed.deploy.replay.ReplayProgress;
import io.shadowfeed.job.sanitize.RowSanitizer;
import io.shadowfeed.job.spec.FieldSpec;
import io.shadowfeed.job.spec.TableSpec;
import io.shadowfeed.privacy.pii.policy.OutputShape;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Applies a table's field policies to a CSV, as the streaming job applies them to records: reads the CSV with the
 * table's schema ({@link CsvRecordReader}: columns by name, an empty field is null), sanitizes each row with the job's
 * {@link RowSanitizer}, and writes a CSV with the output schema's header and values ({@link CsvValues}).
 *
 * <p>The output appears only when complete: rows go to a hidden file beside it, moved into place at the end, so a
 * failure (a bad row, a missing key) leaves no half-written file and an existing file untouched. Keys are resolved
 * before anything is written.
 */
public final class CsvSanitizer {

    private static final CSVFormat BASE_FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').build();
    private static final Set<String> NULL_VALUES = Set.of("");

    private final TableSpec table;
    private final TableSchema outputSchema;
    private final RowSanitizer sanitizer;

    private CsvSanitizer(TableSpec table) {
        this.table = table;
        this.outputSchema = table.outputSchema();
        this.sanitizer = RowSanitizer.of(table);
    }

    /** A sanitizer for the table's policies; nothing is resolved yet. */
    public static CsvSanitizer of(TableSpec table) {
        return new CsvSanitizer(Objects.requireNonNull(table, "table"));
    }

    /**
     * Sanitizes {@code in} into {@code out} (replacing it if it exists).
     *
     * @throws io.shadowfeed.privacy.keys.KeyException if a policy's key cannot be resolved (nothing is written)
     * @throws CsvFormatException if the input is not a CSV of the table, or the output cannot be written
     * @throws CsvConversionException for a row that does not fit the table's schema
     */
    public ApplyResult apply(CsvSource in, Path out, ReplayProgress progress) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(progress, "progress");
        Path target = checkTarget(out);
        sanitizer.open();
        Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
        long rows;
        try {
            try (CsvRecordReader reader = CsvRecordReader.open(in, table.schema(), NULL_VALUES);
                 Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                rows = copy(reader, writer, in.name(), progress);
            }
            moveIntoPlace(partial, target);
        } catch (IOException e) {
            deleteQuietly(partial, e);
            throw new CsvFormatException("cannot write " + out + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(partial, e);
            throw e;
        }
        return new ApplyResult(rows, out, fieldPolicies(), droppedFields());
    }

    private long copy(CsvRecordReader reader, Writer writer, String sourceName, ReplayProgress progress)
            throws IOException {
        CSVFormat format = BASE_FORMAT.builder()
                .setHeader(outputSchema.fields().stream().map(FieldSchema::name).toArray(String[]::new))
                .build();
        String[] text = new String[outputSchema.size()];
        long rows = 0;
        progress.start(sourceName, -1);
        try (CSVPrinter printer = new CSVPrinter(writer, format)) {
            for (CsvRow row = reader.next(); row != null; row = reader.next()) {
                Object[] values = sanitizer.sanitize(row.values());
                for (int i = 0; i < text.length; i++) {
                    text[i] = CsvValues.format(outputSchema.field(i).type(), values[i]);
                }
                printer.printRecord((Object[]) text);
                progress.update(++rows);
            }
            printer.flush();
        } finally {
            progress.close();
        }
        return rows;
    }

    private Map<String, String> fieldPolicies() {
        Map<String, String> policies = new LinkedHashMap<>();
        for (FieldSpec field : table.fields()) {
            if (field.policy().outputShape() != OutputShape.REMOVED) {
                policies.put(field.name(), field.policy().spec());
            }
        }
        return policies;
    }

    private List<String> droppedFields() {
        List<String> dropped = new ArrayList<>();
        for (FieldSpec field : table.fields()) {
            if (field.policy().outputShape() == OutputShape.REMOVED) {
                dropped.add(field.name());
            }
        }
        return dropped;
    }

    private static Path checkTarget(Path out) {
        Objects.requireNonNull(out, "out");
        Path target = out.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw new CsvFormatException("cannot write " + out + ": it is a directory");
        }
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new CsvFormatException("cannot write " + out + ": directory " + dir + " does not exist");
        }
        return target;
    }

    private static void moveIntoPlace(Path partial, Path target) throws IOException {
        try {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path file, Exception primary) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            primary.addSuppressed(e);
        }
    }
}
