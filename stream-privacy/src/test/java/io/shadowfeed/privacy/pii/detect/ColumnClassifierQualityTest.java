package io.shadowfeed.privacy.pii.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.shadowfeed.privacy.pii.PiiType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Measures column classification on the labelled set (chinook + nycflights13 labelled by hand, plus seeded hard
 * cases) and asserts the targets: recall >= 0.99 and precision >= 0.97, micro-averaged over PII types.
 */
class ColumnClassifierQualityTest {

    static final double MIN_RECALL = 0.99;
    static final double MIN_PRECISION = 0.97;

    @Test
    void meetsRecallAndPrecisionTargetsOnTheLabelledColumns() {
        ColumnClassifier classifier = ColumnClassifier.defaults();
        QualityTable table = new QualityTable();
        List<String> errors = new ArrayList<>();
        List<LabelledColumns.Column> columns = LabelledColumns.all();
        int pii = 0;
        for (LabelledColumns.Column c : columns) {
            ColumnClassification result = classifier.classify(c.name(), c.values(), c.rows());
            table.add(c.label(), result.type());
            if (c.label() != PiiType.NONE) {
                pii++;
            }
            if (result.type() != c.label()) {
                errors.add(c.source() + "." + c.name() + ": expected " + c.label() + ", got " + result.type() + " "
                        + result.confidence() + " " + result.evidence());
            }
        }
        String summary = String.format(java.util.Locale.ROOT,
                "%d columns (%d PII, %d NONE); precision %.3f, recall %.3f, F1 %.3f", columns.size(), pii,
                columns.size() - pii, table.precision(), table.recall(), table.f1());
        System.out.println("Column classification: " + summary);
        System.out.println(table.markdown());
        errors.forEach(e -> System.out.println("MISS " + e));
        table.write("columns.md", summary + "\n\nMisclassified:\n" + String.join("\n", errors));
        assertThat(table.recall()).as("column recall; misses: %s", errors).isGreaterThanOrEqualTo(MIN_RECALL);
        assertThat(table.precision()).as("column precision; misses: %s", errors)
                .isGreaterThanOrEqualTo(MIN_PRECISION);
    }
}
