package io.shadowfeed.deploy.pii;

import io.shadowfeed.job.classify.AutoPolicyResolver;
import io.shadowfeed.job.spec.FieldSpec;
import io.shadowfeed.job.spec.TableSpec;
import io.shadowfeed.privacy.pii.detect.ColumnClassifier;
import io.shadowfeed.privacy.pii.policy.PolicyParser;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Decides a table's {@code auto} fields that the spec left pending, from the first rows of the CSV to be sanitized, as
 * the job decides them from the first records of its input topic: each such column is classified and gets its type's
 * default policy. A field without values in the sample (or without a column) stays dropped (fail closed).
 */
public final class CsvAutoPolicies {

    private final ColumnClassifier classifier;
    private final PolicyParser parser;

    /** @param parser the spec's policy parser ({@code PipelineSpec.policyParser()}), with its keys */
    public CsvAutoPolicies(ColumnClassifier classifier, PolicyParser parser) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.parser = Objects.requireNonNull(parser, "parser");
    }

    /** The table with its pending fields decided where the sample allows; the same table if none is pending. */
    public TableSpec resolve(TableSpec table, CsvSample sample) {
        if (!table.hasPendingFields()) {
            return table;
        }
        // The CSV's rows keyed by schema field name, as the job's sampler keys its decoded records.
        Map<String, String> columnOfField = new HashMap<>();
        for (FieldSpec field : table.fields()) {
            String column = column(sample, field.name());
            if (column != null) {
                columnOfField.put(field.name(), column);
            }
        }
        List<Map<String, String>> rows = new ArrayList<>(sample.rows().size());
        for (Map<String, String> csvRow : sample.rows()) {
            Map<String, String> row = new HashMap<>();
            columnOfField.forEach((field, column) -> row.put(field, csvRow.get(column)));
            rows.add(row);
        }
        return AutoPolicyResolver.decide(table, rows, parser, classifier, sample.source());
    }

    /** The CSV column of a schema field, matched as {@code CsvRecordReader} matches it: exactly, else ignoring case. */
    private static String column(CsvSample sample, String field) {
        if (sample.columns().contains(field)) {
            return field;
        }
        String folded = field.toLowerCase(Locale.ROOT);
        return sample.columns().stream()
                .filter(c -> c.strip().toLowerCase(Locale.ROOT).equals(folded))
                .findFirst()
                .orElse(null);
    }
}
