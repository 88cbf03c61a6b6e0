package io.shadowfeed.privacy.pii.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shadowfeed.privacy.pii.PiiType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ColumnClassifierTest {

    private final ColumnClassifier classifier = ColumnClassifier.defaults();

    @Test
    void valuesDecideForABadlyNamedColumnAndEvidenceHasNoValues() {
        List<String> emails = List.of("ann@example.org", "bob.smith@mail.co.uk", "c.d@firma.de", "", "x@y.io");
        ColumnClassification c = classifier.classify("col_17", emails);
        assertThat(c.type()).isEqualTo(PiiType.EMAIL);
        assertThat(c.confidence()).isBetween(0.8, 1.0);
        assertThat(c.evidence()).containsExactly("4/4 non-empty values are valid e-mail addresses (commons-validator)");
        for (String e : c.evidence()) {
            for (String v : emails) {
                if (!v.isEmpty()) {
                    assertThat(e).doesNotContain(v);
                }
            }
        }
    }

    @Test
    void nameEvidenceLiftsConfidence() {
        List<String> emails = List.of("ann@example.org", "bob@example.org");
        assertThat(classifier.classify("e_mail", emails).confidence())
                .isGreaterThan(classifier.classify("c1", emails).confidence());
        assertThat(classifier.classify("e_mail", emails).evidence()).contains("name token 'email' suggests EMAIL");
    }

    @Test
    void misleadingNamesAreNotEnoughForStrictTypes() {
        assertThat(classifier.classify("email_sent", List.of("true", "false", "true")).type())
                .isEqualTo(PiiType.NONE);
        assertThat(classifier.classify("phone_model", List.of("iPhone 13", "Pixel 7", "Galaxy S21")).type())
                .isEqualTo(PiiType.NONE);
        assertThat(classifier.classify("card_number", List.of("4111 1111 1111 1112", "5555 5555 5555 4445"))
                .type()).isEqualTo(PiiType.NONE);
    }

    @Test
    void phoneRegionComesFromTheCountryColumnOfTheRow() {
        List<String> phones = List.of("030 12345678", "089 1234567", "0711 2842222");
        List<Map<String, String>> rows = new ArrayList<>();
        phones.forEach(p -> rows.add(Map.of("tel", p, "Country", "Germany")));
        assertThat(classifier.classify("tel", phones, rows).type()).isEqualTo(PiiType.PHONE);
        assertThat(classifier.classify("contact_no", phones).type()).as("no region: not valid in US")
                .isEqualTo(PiiType.NONE);
    }

    @Test
    void birthDatesNeedNameEvidence() {
        List<String> dates = Arrays.asList("1962-02-18 00:00:00", "1958-12-08 00:00:00", null, "1973-08-29");
        assertThat(classifier.classify("BirthDate", dates).type()).isEqualTo(PiiType.DATE_OF_BIRTH);
        assertThat(classifier.classify("HireDate", dates).type()).isEqualTo(PiiType.NONE);
    }

    @Test
    void emptyColumnsFallBackToTheName() {
        assertThat(classifier.classify("Email", List.of("", " ")).type()).isEqualTo(PiiType.EMAIL);
        assertThat(classifier.classify("Email", List.of()).confidence()).isEqualTo(0.3);
        assertThat(classifier.classify("Total", List.of()).type()).isEqualTo(PiiType.NONE);
    }

    @Test
    void recordsValidate() {
        assertThatThrownBy(() -> new ColumnClassification("c", PiiType.EMAIL, 1.2, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("confidence must be in [0, 1]. Provided value: 1.2");
        assertThatThrownBy(() -> new ColumnClassification(null, PiiType.EMAIL, 1, List.of()))
                .isInstanceOf(NullPointerException.class).hasMessage("column must not be null.");
        assertThatThrownBy(() -> ColumnClassifier.builder().optMinShare(0.4).build())
                .isInstanceOf(IllegalStateException.class);
    }
}
