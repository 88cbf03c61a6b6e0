package io.shadowfeed.privacy.pii.policy;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RowContextTest {

    @Test
    void givesFieldsByNameTheEntityKeyAndTheLocaleHint() {
        RowLayout layout = RowLayout.builder(List.of("Id", "Name", "ShipCountry", "BillingCountry"))
                .entityScope("customer").build();
        assertThat(layout.localeFields()).containsExactly("ShipCountry", "BillingCountry");
        RowContext row = RowContext.of(layout, new Object[] {7, "Ana", " ", "Brazil", "extra"}, 7);
        assertThat(row.get("Name")).isEqualTo("Ana");
        assertThat(row.get("Missing")).isNull();
        assertThat(row.entityKey()).isEqualTo(7);
        assertThat(row.localeHint()).isEqualTo("Brazil");
        assertThat(row.toString()).doesNotContain("Ana").doesNotContain("Brazil");
        assertThat(RowContext.empty().localeHint()).isNull();
        assertThat(TestKeys.roundTrip(layout)).isEqualTo(layout);
    }

    @Test
    void layoutsCheckTheirFields() {
        assertThatThrownBy(() -> RowLayout.builder(List.of("a", "b")).localeFields("Country"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("locale field 'Country' is not a field of the row. Fields: [a, b]");
        assertThatThrownBy(() -> RowLayout.of(List.of("a", "a")))
                .hasMessage("field names must be unique. Duplicate: a");
        assertThat(RowLayout.builder(List.of("Country")).localeFields().build().localeFields()).isEmpty();
        assertThatThrownBy(() -> RowContext.of(RowLayout.of(List.of("a", "b")), new Object[1], null))
                .hasMessage("values must have one entry per layout field (2). Provided length: 1");
    }
}
