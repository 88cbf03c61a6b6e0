package io.shadowfeed.job.synth;

import io.shadowfeed.job.spec.PipelineSpecLoader;
import io.shadowfeed.job.spec.TableSpec;
import io.shadowfeed.trainer.data.DataTable;
import io.shadowfeed.trainer.data.RawTable;
import io.shadowfeed.trainer.profile.Profiler;
import io.shadowfeed.trainer.profile.TableProfile;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Generated cells become the Avro field values of the output schema; key, foreign key and event time stay. */
class GeneratedColumnsTest {

    private static final TableSpec INVOICE = PipelineSpecLoader.parse("""
            name: columns
            tables:
              customer:
                input-topic: raw.customer
                schema: classpath:schemas/chinook/Customer.avsc
                key: CustomerId
                default-policy: keep
              invoice:
                input-topic: raw.invoice
                schema: classpath:schemas/chinook/Invoice.avsc
                key: InvoiceId
                event-time: InvoiceDate
                foreign-keys: {CustomerId: customer.CustomerId}
                default-policy: keep
                fields: {BillingAddress: drop}
            """, Path.of("."), "columns.yaml").table("invoice").orElseThrow();

    /** A profile of invoice-like text columns, the way the trainer sees a CSV export. */
    private static TableProfile profile() {
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rows.add(new String[] {String.valueOf(i + 1), String.valueOf(i % 7 + 1),
                    "2021-01-%02d 00:00:00".formatted(i % 28 + 1), List.of("Oslo", "Paris", "Rome").get(i % 3),
                    i % 5 == 0 ? null : List.of("ST", "RM").get(i % 2), List.of("Norway", "France", "Italy").get(i % 3),
                    String.format("%.2f", 0.99 * (i % 6 + 1)), "street " + i});
        }
        return Profiler.builder().build().profile(RawTable.fromRows(List.of("InvoiceId", "CustomerId", "InvoiceDate",
                "BillingCity", "BillingState", "BillingCountry", "Total", "BillingAddress"), rows));
    }

    @Test
    void generatesOnlyModelledOutputFieldsAndConvertsTheirTypes() {
        TableProfile profile = profile();
        List<String> modelled = profile.modelledColumns().stream().map(c -> c.name()).toList();
        GeneratedColumns columns = GeneratedColumns.of(INVOICE, modelled, profile);
        // The key, the foreign key, the event time and the dropped address are never generated.
        assertThat(columns.fieldNames()).doesNotContain("InvoiceId", "CustomerId", "InvoiceDate", "BillingAddress")
                .contains("BillingCountry", "Total");

        String[] cells = modelled.stream().map(c -> switch (c) {
            case "BillingCountry" -> "France";
            case "Total" -> "5.94";
            case "BillingCity" -> "Paris";
            case "BillingState" -> null;
            default -> "2021-01-05 00:00:00";
        }).toArray(String[]::new);
        List<String[]> oneRow = new ArrayList<>();
        oneRow.add(cells);
        DataTable generated = new TableProfile(profile.modelledColumns()).type(RawTable.fromRows(modelled, oneRow));
        Object[] out = new Object[INVOICE.outputSchema().size()];
        int country = INVOICE.outputSchema().indexOf("BillingCountry");
        int total = INVOICE.outputSchema().indexOf("Total");
        int key = INVOICE.outputSchema().indexOf("InvoiceId");
        out[key] = "kept";
        assertThat(columns.fill(generated, 0, out)).isZero();
        assertThat(out[country]).isEqualTo("France");
        assertThat(out[total]).isEqualTo(5.94);
        assertThat(out[key]).isEqualTo("kept");

        // What children are conditioned on, and what an entity keeps, writes back to the same values.
        Map<String, String> described = new LinkedHashMap<>();
        columns.describe(generated, 0, described);
        Object[] again = new Object[out.length];
        again[key] = "kept";
        columns.fill(described, again);
        assertThat(again).isEqualTo(out);
    }

    @Test
    void aNullForARequiredFieldLeavesThePolicysValueAndIsCounted() {
        TableProfile profile = profile();
        GeneratedColumns columns = GeneratedColumns.of(INVOICE, List.of("Total"), profile);
        Object[] out = new Object[INVOICE.outputSchema().size()];
        int total = INVOICE.outputSchema().indexOf("Total");
        out[total] = 1.0;
        assertThat(columns.fill(Map.of(), out)).isEqualTo(1);
        assertThat(out[total]).isEqualTo(1.0);
    }

    @Test
    void aModelOfNoneOfTheFieldsIsRefused() {
        assertThatThrownBy(() -> GeneratedColumns.of(INVOICE, List.of("InvoiceId", "Unrelated"), profile()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("generates none of its output fields");
    }
}
