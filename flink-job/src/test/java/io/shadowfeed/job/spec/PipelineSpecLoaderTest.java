package io.shadowfeed.job.spec;

import io.shadowfeed.avro.schema.FieldType;
import io.shadowfeed.privacy.pii.policy.OutputShape;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PipelineSpecLoaderTest {

    private static final String LINES = """
            version: 1
            name: demo
            tables:
              invoice_line:
                input-topic: raw.invoice_line
                schema: classpath:schemas/chinook/InvoiceLine.avsc
                key: InvoiceLineId
                %s
            """;

    private static PipelineSpec parse(String tableExtra) {
        return PipelineSpecLoader.parse(LINES.formatted(tableExtra), Path.of("."), "spec.yaml");
    }

    @Test
    void readsDefaultsAndDerivesTheOutputSchema() {
        PipelineSpec spec = parse("""
                default-policy: keep
                    fields:
                      UnitPrice: mask:0
                      Quantity: drop""");
        assertThat(spec.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(spec.registryUrl()).isEqualTo("http://localhost:8081");
        assertThat(spec.deadLetterTopic()).isEqualTo("synth.dlq");
        assertThat(spec.checkpointInterval()).isEqualTo(Duration.ofSeconds(5));
        TableSpec table = spec.table("invoice_line").orElseThrow();
        assertThat(table.outputTopic()).isEqualTo("anon.invoice_line");
        assertThat(table.outputSchema().fields()).extracting(f -> f.name() + ":" + f.type())
                .containsExactly("InvoiceLineId:INT", "InvoiceId:INT", "TrackId:INT", "UnitPrice:STRING");
        assertThat(table.outputPositions()).containsExactly(0, 1, 2, 3);
    }

    @Test
    void aFieldWithoutPolicyIsAnErrorNamingFileTableAndFields() {
        assertThatThrownBy(() -> parse("fields: {InvoiceLineId: keep}"))
                .isInstanceOf(SpecException.class)
                .hasMessage("spec.yaml: table 'invoice_line': fields [InvoiceId, TrackId, UnitPrice, Quantity] have no "
                        + "policy; give each one under 'fields' or set 'default-policy' (auto classifies them; drop is "
                        + "the safe choice)");
    }

    @Test
    void unknownPolicyNamesTheField() {
        assertThatThrownBy(() -> parse("""
                default-policy: keep
                    fields: {Quantity: scramble}"""))
                .hasMessageStartingWith("spec.yaml: table 'invoice_line', field 'Quantity': unknown policy "
                        + "'scramble'; known: [keep, drop, null, mask, mask:<k>, pseudonymize");
    }

    @Test
    void unknownFieldAndKeysAreErrors() {
        assertThatThrownBy(() -> parse("""
                default-policy: keep
                    fields: {Quantiy: keep}"""))
                .hasMessageStartingWith("spec.yaml: table 'invoice_line', field 'Quantiy': not in the table's schema");
        assertThatThrownBy(() -> parse("default-polcy: keep"))
                .hasMessageStartingWith("spec.yaml: table 'invoice_line': unknown key 'default-polcy'");
        assertThatThrownBy(() -> parse("""
                default-policy: keep
                    event-time: TrackId"""))
                .hasMessage("spec.yaml: table 'invoice_line', field 'TrackId': event-time must be a long or "
                        + "timestamp-millis, not INT");
    }

    @Test
    void foreignKeysMustResolve() {
        assertThatThrownBy(() -> parse("""
                default-policy: keep
                    foreign-keys: {InvoiceId: invoice.InvoiceId}"""))
                .hasMessage("spec.yaml: table 'invoice_line', field 'InvoiceId': foreign key references unknown "
                        + "table 'invoice'");
    }

    @Test
    void theKeyCannotBeDropped() {
        assertThatThrownBy(() -> parse("default-policy: drop"))
                .hasMessage("spec.yaml: table 'invoice_line', field 'InvoiceLineId': the key field cannot be dropped or "
                        + "nulled");
    }

    @Test
    void missingSchemaFileIsNamed() {
        assertThatThrownBy(() -> PipelineSpecLoader.parse(LINES.replace("classpath:schemas/chinook/InvoiceLine.avsc",
                        "nowhere.avsc").formatted("default-policy: keep"), Path.of("/tmp/specs"), "spec.yaml"))
                .hasMessage("spec.yaml: table 'invoice_line': schema file /tmp/specs/nowhere.avsc does not exist");
    }

    @Test
    void theBundledDemoSpecsSchemaTypesAreRead() {
        PipelineSpec spec = PipelineSpecLoader.parse("""
                tables:
                  flights:
                    input-topic: raw.flights
                    schema: classpath:schemas/nycflights13/flights.avsc
                    event-time: dep_datetime
                    default-policy: keep
                """, Path.of("."), "flights.yaml");
        TableSpec flights = spec.tables().get(0);
        assertThat(flights.schema().field("dep_datetime").orElseThrow().type()).isEqualTo(FieldType.TIMESTAMP_MILLIS);
        assertThat(flights.eventTimePosition()).isEqualTo(16);
        assertThat(flights.keyPosition()).isEqualTo(-1);
    }

    private static final String CHAIN = """
            name: chain
            keys:
              source: development
            tables:
              customer:
                input-topic: raw.customer
                schema: classpath:schemas/chinook/Customer.avsc
                key: CustomerId
                default-policy: auto
              invoice:
                input-topic: raw.invoice
                schema: classpath:schemas/chinook/Invoice.avsc
                key: InvoiceId
                entity-scope: customer
                entity-key: CustomerId
                foreign-keys:
                  CustomerId: customer.CustomerId
                default-policy: keep
                fields:
                  InvoiceId: %s
                  BillingCity: auto
              invoice_line:
                input-topic: raw.invoice_line
                schema: classpath:schemas/chinook/InvoiceLine.avsc
                key: InvoiceLineId
                foreign-keys:
                  InvoiceId: invoice.InvoiceId
                default-policy: keep
                fields:
                  InvoiceId: %s
            """;

    @Test
    void autoUsesAvroPropertiesKeyDefaultsAndLeavesTheRestPending() {
        PipelineSpec spec = PipelineSpecLoader.parse(CHAIN.formatted("encrypt", "encrypt"), Path.of("."), "chain.yaml");
        TableSpec customer = spec.table("customer").orElseThrow();
        assertThat(customer.field("CustomerId").policy().spec()).startsWith("pseudonymize:token:customer-");
        assertThat(customer.field("CustomerId").origin()).isEqualTo(PolicyOrigin.KEY_DEFAULT);
        assertThat(customer.field("Email").policy().spec()).startsWith("fake:email");
        assertThat(customer.field("Email").origin()).isEqualTo(PolicyOrigin.AVRO_PROPERTY);
        // Country has no "pii" property: classified from data when the job starts, dropped until then.
        assertThat(customer.field("Country").origin()).isEqualTo(PolicyOrigin.PENDING_CLASSIFICATION);
        assertThat(customer.field("Country").policy().outputShape()).isEqualTo(OutputShape.REMOVED);
        assertThat(customer.hasPendingFields()).isTrue();
        // The development key source is pinned to its active key id on load.
        assertThat(spec.activeKeyId()).isNotNull();
        assertThat(customer.field("CustomerId").policy().spec()).endsWith("@" + spec.activeKeyId());
        assertThat(spec.table("invoice").orElseThrow().entityScope()).isEqualTo("customer");
    }

    @Test
    void foreignKeysTakeTheirParentKeysPolicyDownTheChain() {
        PipelineSpec spec = PipelineSpecLoader.parse(CHAIN.formatted("encrypt", "encrypt"), Path.of("."), "chain.yaml");
        FieldSpec customerKey = spec.table("customer").orElseThrow().field("CustomerId");
        FieldSpec invoiceFk = spec.table("invoice").orElseThrow().field("CustomerId");
        assertThat(invoiceFk.policy()).isEqualTo(customerKey.policy());
        assertThat(invoiceFk.origin()).isEqualTo(PolicyOrigin.FOREIGN_KEY);
        FieldSpec invoiceKey = spec.table("invoice").orElseThrow().field("InvoiceId");
        FieldSpec lineFk = spec.table("invoice_line").orElseThrow().field("InvoiceId");
        assertThat(lineFk.policy()).isEqualTo(invoiceKey.policy());
        // the same function: a parent key and its foreign key map the same real value to the same output
        assertThat(lineFk.policy().apply(4711)).isEqualTo(invoiceKey.policy().apply(4711));
    }

    @Test
    void aForeignKeyDeclaringAnotherPolicyIsAnError() {
        assertThatThrownBy(() -> PipelineSpecLoader.parse(CHAIN.formatted("encrypt", "keep"), Path.of("."),
                "chain.yaml"))
                .isInstanceOf(SpecException.class)
                .hasMessageStartingWith("chain.yaml: table 'invoice_line', field 'InvoiceId': a foreign key must use "
                        + "the policy of the key it references (invoice.InvoiceId uses 'encrypt");
    }

    @Test
    void unknownKeySourceIsAnError() {
        assertThatThrownBy(() -> PipelineSpecLoader.parse(CHAIN.replace("source: development", "source: vault")
                        .formatted("encrypt", "encrypt"), Path.of("."), "chain.yaml"))
                .hasMessage("chain.yaml: keys.source must be auto, environment, development or file:<path>. "
                        + "Provided value: vault");
    }

    @Test
    void synthesisSettingsAndServingDefaults() {
        PipelineSpec spec = PipelineSpecLoader.parse(CHAIN.formatted("encrypt", "encrypt")
                .replace("    entity-scope: customer\n", "    model: v3\n    orphans: synthesize\n"
                        + "    parent-wait: 2m\n    entity-scope: customer\n"), Path.of("/specs"), "chain.yaml");
        TableSpec invoice = spec.table("invoice").orElseThrow();
        assertThat(invoice.synthesis().model()).isEqualTo("v3");
        assertThat(invoice.synthesis().orphans()).isEqualTo(OrphanPolicy.SYNTHESIZE);
        assertThat(invoice.synthesis().parentWait()).isEqualTo(Duration.ofMinutes(2));
        assertThat(spec.table("invoice_line").orElseThrow().synthesis()).isEqualTo(SynthesisSpec.defaults());
        assertThat(spec.serving()).isEqualTo(ServingSpec.defaults());
        // Referenced tables keep stable attributes; the leaf of the chain does not.
        assertThat(spec.stableAttributes(spec.table("customer").orElseThrow())).isTrue();
        assertThat(spec.stableAttributes(invoice)).isTrue();
        assertThat(spec.stableAttributes(spec.table("invoice_line").orElseThrow())).isFalse();
    }

    @Test
    void orphansSynthesizeNeedsARootParent() {
        assertThatThrownBy(() -> PipelineSpecLoader.parse(CHAIN.formatted("encrypt", "encrypt")
                .replace("      InvoiceId: invoice.InvoiceId\n", "      InvoiceId: invoice.InvoiceId\n"
                        + "    orphans: synthesize\n"), Path.of("."), "chain.yaml"))
                .isInstanceOf(SpecException.class)
                .hasMessage("chain.yaml: table 'invoice_line': orphans: synthesize needs every parent to be a root "
                        + "table, but 'invoice' references [customer]; use orphans: dead-letter");
    }

    @Test
    void badServingSettingsAreNamed() {
        assertThatThrownBy(() -> PipelineSpecLoader.parse("state: {backend: leveldb}\n"
                + CHAIN.formatted("encrypt", "encrypt"), Path.of("."), "chain.yaml"))
                .hasMessage("chain.yaml: state.backend must be hashmap or rocksdb. Provided value: leveldb");
        assertThatThrownBy(() -> PipelineSpecLoader.parse(CHAIN.formatted("encrypt", "encrypt")
                .replace("    entity-scope: customer\n", "    orphans: wait-forever\n"
                        + "    entity-scope: customer\n"), Path.of("."), "chain.yaml"))
                .hasMessage("chain.yaml: table 'invoice': orphans must be synthesize or dead-letter. Provided value: "
                        + "wait-forever");
    }
}
