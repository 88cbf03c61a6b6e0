package io.shadowfeed.deploy.pii;

import com.fasterxml.jackson.core.JsonGenerator;
import io.shadowfeed.privacy.pii.detect.ColumnClassification;
import io.shadowfeed.privacy.pii.detect.ColumnClassifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What each column of a CSV sample holds, as {@code shadowfeed pii classify} prints it: a JSON array with one object
 * per column, {@code {"column", "type", "confidence", "evidence"}}, in header order. The evidence names rules and
 * counts, never a value, and nothing else of the data is written.
 */
public final class ClassifyReport {

    private final List<ColumnClassification> columns;

    private ClassifyReport(List<ColumnClassification> columns) {
        this.columns = List.copyOf(columns);
    }

    /**
     * Classifies the columns of a sample, with each value's row as context (a country column gives phone regions).
     *
     * @param only the columns to classify, or empty for all; each must be in the sample's header
     * @throws IllegalArgumentException naming a requested column the sample does not have
     */
    public static ClassifyReport of(CsvSample sample, ColumnClassifier classifier, Collection<String> only) {
        Set<String> wanted = new LinkedHashSet<>(only);
        List<String> unknown = wanted.stream().filter(c -> !sample.columns().contains(c)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(sample.source() + " has no column " + String.join(", ", unknown)
                    + " (columns: " + String.join(", ", sample.columns()) + ")");
        }
        List<ColumnClassification> results = new ArrayList<>();
        for (String column : sample.columns()) {
            if (wanted.isEmpty() || wanted.contains(column)) {
                results.add(classifier.classify(column, sample.values(column), sample.rows()));
            }
        }
        return new ClassifyReport(results);
    }

    public List<ColumnClassification> columns() {
        return columns;
    }

    /** Writes the report as an indented JSON array and a newline; leaves {@code out} open. */
    public void writeJson(Writer out) {
        try (JsonGenerator json = PiiJson.generator(out)) {
            json.setPrettyPrinter(PiiJson.indented());
            json.writeStartArray();
            for (ColumnClassification c : columns) {
                json.writeStartObject();
                json.writeStringField("column", c.column());
                json.writeStringField("type", c.type().name());
                json.writeNumberField("confidence", c.confidence());
                json.writeArrayFieldStart("evidence");
                for (String reason : c.evidence()) {
                    json.writeString(reason);
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.flush();
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report: " + e.getMessage(), e);
        }
    }
}
