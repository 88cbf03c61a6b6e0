package io.shadowfeed.trainer.pipeline;

import io.shadowfeed.privacy.pii.PiiType;
import io.shadowfeed.privacy.pii.detect.ColumnClassification;
import io.shadowfeed.privacy.pii.detect.ColumnClassifier;
import io.shadowfeed.trainer.data.ColumnKind;
import io.shadowfeed.trainer.data.RawTable;
import io.shadowfeed.trainer.profile.ColumnProfile;
import io.shadowfeed.trainer.profile.DeclaredColumn;
import io.shadowfeed.trainer.profile.MetadataOverrides;
import io.shadowfeed.trainer.profile.TableProfile;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps direct identifiers out of the model: a categorical or free-text column that profiling would model, whose
 * values the PII classifier recognises as names, e-mail addresses, phones, street addresses and the like, is
 * declared an identifier instead. Its categories would otherwise be written into the artifact (the transformer's
 * one-hot layout) and reproduced verbatim by the generator. The PII policies of the job handle such columns.
 * Kinds declared in the metadata are left as they are: the user decided.
 */
final class PersonalDataScreen {
    /** Types that point at one person; quasi-identifiers such as city, postcode or company stay modelled. */
    private static final Set<PiiType> DIRECT = EnumSet.of(PiiType.EMAIL, PiiType.PHONE, PiiType.CREDIT_CARD,
            PiiType.IBAN, PiiType.US_SSN, PiiType.IP_ADDRESS, PiiType.MAC_ADDRESS, PiiType.URL,
            PiiType.CRYPTO_WALLET, PiiType.PERSON_NAME, PiiType.FIRST_NAME, PiiType.LAST_NAME,
            PiiType.STREET_ADDRESS, PiiType.NATIONAL_ID, PiiType.FREE_TEXT);
    private static final int SAMPLE = 500;

    private final ColumnClassifier classifier;

    PersonalDataScreen(ColumnClassifier classifier) {
        this.classifier = classifier;
    }

    /** The undeclared categorical columns that hold direct identifiers, with the classifier's reasons. */
    List<ColumnClassification> directIdentifiers(TableProfile profile, RawTable raw) {
        List<ColumnClassification> found = new ArrayList<>();
        for (ColumnProfile column : profile.columns()) {
            if (column.declared() || !(column.kind().isCategorical() || column.kind() == ColumnKind.FREE_TEXT)) {
                continue;
            }
            ColumnClassification classification = classifier.classify(column.name(), sample(raw, column.name()));
            if (DIRECT.contains(classification.type())) {
                found.add(classification);
            }
        }
        return found;
    }

    /** The overrides with the given columns declared identifiers. */
    static MetadataOverrides declareIdentifiers(MetadataOverrides overrides, List<ColumnClassification> columns) {
        List<DeclaredColumn> declared = new ArrayList<>(overrides.columns());
        for (ColumnClassification column : columns) {
            declared.add(new DeclaredColumn(column.column(), ColumnKind.IDENTIFIER, null, null));
        }
        return new MetadataOverrides(declared);
    }

    private static List<String> sample(RawTable raw, String column) {
        int index = raw.columnIndex(column);
        List<String> values = new ArrayList<>(SAMPLE);
        for (int row = 0; row < raw.rowCount() && values.size() < SAMPLE; row++) {
            String cell = raw.cell(index, row);
            if (cell != null) {
                values.add(cell);
            }
        }
        return values;
    }
}
