package io.shadowfeed.privacy.pii.detect;

import io.shadowfeed.privacy.pii.PiiType;
import java.util.List;

/**
 * What a column holds, how sure the classifier is, and why. The evidence names rules and counts only, never a value.
 *
 * @param column the column's name as given
 * @param type the PII type, {@link PiiType#NONE} for no personal data
 * @param confidence in [0, 1]
 * @param evidence human-readable reasons, e.g. "name token 'email'", "57/59 non-empty values are valid e-mail
 *     addresses"
 */
public record ColumnClassification(String column, PiiType type, double confidence, List<String> evidence) {

    public ColumnClassification {
        DetectPreconditions.checkNotNull(column, "column");
        DetectPreconditions.checkNotNull(type, "type");
        DetectPreconditions.checkScore(confidence, "confidence");
        DetectPreconditions.checkNotNull(evidence, "evidence");
        evidence = List.copyOf(evidence);
    }

    /** True unless the type is {@link PiiType#NONE}. */
    public boolean isPii() {
        return type != PiiType.NONE;
    }
}
