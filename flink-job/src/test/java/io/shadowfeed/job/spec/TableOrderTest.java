package io.shadowfeed.job.spec;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableOrderTest {

    private static final String TABLES = """
            name: order
            tables:
              invoice_line:
                input-topic: raw.invoice_line
                schema: classpath:schemas/chinook/InvoiceLine.avsc
                key: InvoiceLineId
                foreign-keys: {InvoiceId: invoice.InvoiceId}
                default-policy: keep
              invoice:
                input-topic: raw.invoice
                schema: classpath:schemas/chinook/Invoice.avsc
                key: InvoiceId
                foreign-keys: {CustomerId: customer.CustomerId}
                default-policy: keep
              customer:
                input-topic: raw.customer
                schema: classpath:schemas/chinook/Customer.avsc
                key: CustomerId
                default-policy: keep
                %s
            """;

    @Test
    void parentsComeFirstWhateverTheSpecsOrder() {
        PipelineSpec spec = PipelineSpecLoader.parse(TABLES.formatted(""), Path.of("."), "order.yaml");
        List<String> order = TableOrder.parentsFirst(spec.tables(), SpecException::new).stream()
                .map(TableSpec::name).toList();
        assertThat(order).containsExactly("customer", "invoice", "invoice_line");
    }

    @Test
    void aCycleThroughSeveralTablesIsAnError() {
        // customer.SupportRepId -> invoice_line closes customer -> invoice -> invoice_line -> customer.
        assertThatThrownBy(() -> PipelineSpecLoader.parse(TABLES.formatted(
                "foreign-keys: {SupportRepId: invoice_line.InvoiceLineId}"), Path.of("."), "order.yaml"))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("foreign keys form a cycle through table");
    }
}
