package io.shadowfeed.job.synth;

import io.shadowfeed.avro.schema.TableSchema;
import io.shadowfeed.job.ShadowfeedJob;
import io.shadowfeed.job.serde.ShadowfeedHeaders;
import io.shadowfeed.job.spec.PipelineSpec;
import io.shadowfeed.job.spec.PipelineSpecLoader;
import io.shadowfeed.job.spec.TableSpec;
import io.shadowfeed.job.testutils.ChinookModels;
import io.shadowfeed.job.testutils.ChinookRows;
import io.shadowfeed.job.testutils.TopicRows;
import io.shadowfeed.testutils.EmbeddedKafkaCluster;
import io.shadowfeed.testutils.EmbeddedSchemaRegistry;
import io.shadowfeed.trainer.data.DataTable;
import io.shadowfeed.trainer.data.RawTable;
import io.shadowfeed.trainer.evaluate.ColumnShapes;
import io.shadowfeed.trainer.pipeline.TrainingOutcome;
import io.shadowfeed.trainer.profile.TableProfile;
import io.shadowfeed.trainer.sample.TableModel;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Chinook chain through the whole job with real models (trained here, a few seconds each), over a real broker
 * and registry, checked by joining the output topics: every output foreign key resolves to an output parent, the
 * children-per-parent distribution is the input's, the modelled columns are close to the training data, and
 * invoices of a customer that never arrives get a parent generated on demand.
 */
class ChinookSynthesisITCase {

    @RegisterExtension
    @Order(1)
    static final EmbeddedKafkaCluster KAFKA = new EmbeddedKafkaCluster();

    @RegisterExtension
    @Order(2)
    static final EmbeddedSchemaRegistry REGISTRY = new EmbeddedSchemaRegistry(KAFKA);

    @RegisterExtension
    @Order(3)
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    /** Invoices of customers that are not in the customer topic: each needs a parent made on demand. */
    private static final List<Integer> MISSING_CUSTOMERS = List.of(9001, 9002, 9003);
    private static final int ORPHAN_INVOICES_EACH = 2;
    private static final int CUSTOMER_COPIES = 10;
    private static final int INVOICE_COPIES = 3;

    @TempDir
    static Path work;
    static Map<String, TrainingOutcome> models;

    @BeforeAll
    static void trainModels() throws Exception {
        models = ChinookModels.train(work.resolve("models"), work.resolve("training"), 60, 7);
    }

    static PipelineSpec spec(String name, Path store) {
        String yaml = """
                version: 1
                name: %1$s
                kafka:
                  bootstrap-servers: %2$s
                registry:
                  url: %3$s
                keys:
                  source: development
                dead-letter-topic: dlq.%1$s
                models:
                  topic: models.%1$s
                  store: %4$s
                  batch-size: 64
                  flush-interval: 20ms
                job:
                  checkpoint-interval: 1s
                  parallelism: 2
                tables:
                  customer:
                    input-topic: raw.customer.%1$s
                    output-topic: anon.customer.%1$s
                    schema: classpath:schemas/chinook/Customer.avsc
                    key: CustomerId
                    model: latest
                    default-policy: drop
                    fields:
                      CustomerId: auto
                      City: keep
                      State: keep
                      Country: keep
                      SupportRepId: keep
                  invoice:
                    input-topic: raw.invoice.%1$s
                    output-topic: anon.invoice.%1$s
                    schema: classpath:schemas/chinook/Invoice.avsc
                    key: InvoiceId
                    event-time: InvoiceDate
                    foreign-keys:
                      CustomerId: customer.CustomerId
                    model: latest
                    orphans: synthesize
                    parent-wait: 36500d
                    default-policy: drop
                    fields:
                      InvoiceId: auto
                      InvoiceDate: keep
                      BillingCity: keep
                      BillingCountry: keep
                      Total: keep
                  invoice_line:
                    input-topic: raw.invoice_line.%1$s
                    output-topic: anon.invoice_line.%1$s
                    schema: classpath:schemas/chinook/InvoiceLine.avsc
                    key: InvoiceLineId
                    foreign-keys:
                      InvoiceId: invoice.InvoiceId
                    model: latest
                    parent-wait: 36500d
                    default-policy: keep
                    fields:
                      InvoiceLineId: auto
                """.formatted(name, KAFKA.bootstrapServers(), REGISTRY.url(), store);
        return PipelineSpecLoader.parse(yaml, Path.of("."), "test spec " + name);
    }

    @Test
    void theChainJoinsKeepsChildrenPerParentAndFollowsTheModels() throws Exception {
        String name = "synthesis-" + EmbeddedKafkaCluster.randomSuffix();
        PipelineSpec spec = spec(name, work.resolve("models"));
        Map<String, List<Object[]>> input = new HashMap<>();
        try (KafkaProducer<byte[], byte[]> producer = KAFKA.producer()) {
            KAFKA.createTopics(2, spec.tables().stream().map(TableSpec::inputTopic).toArray(String[]::new));
            // Output records keep their event time (2021-2025 invoices): time-based retention would delete them.
            KAFKA.createTopics(2, Map.of("retention.ms", "-1"),
                    spec.tables().stream().map(TableSpec::outputTopic).toArray(String[]::new));
            for (TableSpec table : spec.tables()) {
                List<Object[]> rows = new ArrayList<>(ChinookRows.read(csvName(table.name()), table.schema()));
                if (table.name().equals("invoice")) {
                    List<Object[]> orphans = orphanInvoices(rows, table.schema());
                    rows = withCopies(rows, table.schema().indexOf("InvoiceId"), INVOICE_COPIES);
                    rows.addAll(orphans);
                }
                if (table.name().equals("customer")) {
                    rows = withCopies(rows, table.schema().indexOf("CustomerId"), CUSTOMER_COPIES);
                }
                input.put(table.name(), rows);
                TopicRows.send(REGISTRY.url(), producer, table, rows);
            }
        }

        ShadowfeedJob.builder().setSpec(spec).optBounded(true).build()
                .execute(StreamExecutionEnvironment.getExecutionEnvironment());

        assertThat(KAFKA.readAll(spec.deadLetterTopic())).as("dead letters").isEmpty();
        Map<String, List<Map<String, Object>>> out = new HashMap<>();
        for (TableSpec table : spec.tables()) {
            List<ConsumerRecord<byte[], byte[]>> records = KAFKA.readAll(table.outputTopic());
            for (ConsumerRecord<byte[], byte[]> record : records) {
                assertThat(TopicRows.header(record, ShadowfeedHeaders.MODEL_VERSION)).as("model version of %s", table.name())
                        .isEqualTo(table.name() + "/v1");
            }
            out.put(table.name(), TopicRows.decode(REGISTRY.url(), table, records));
        }
        // Counts: every input record is one output; each missing customer is made once, before its invoices.
        assertThat(out.get("customer")).hasSize(input.get("customer").size() + MISSING_CUSTOMERS.size());
        assertThat(out.get("invoice")).hasSize(input.get("invoice").size());
        assertThat(out.get("invoice_line")).hasSize(input.get("invoice_line").size());

        // 100% of output foreign keys resolve to an output parent.
        Set<Object> customerKeys = keys(out.get("customer"), "CustomerId");
        Set<Object> invoiceKeys = keys(out.get("invoice"), "InvoiceId");
        assertThat(customerKeys).hasSize(out.get("customer").size());
        assertThat(out.get("invoice")).allSatisfy(r -> assertThat(customerKeys).contains(r.get("CustomerId")));
        assertThat(out.get("invoice_line")).allSatisfy(r -> assertThat(invoiceKeys).contains(r.get("InvoiceId")));
        // Keys are pseudonyms, not the real ids.
        assertThat(customerKeys).doesNotContain("1", 1);

        // Children per parent: input and output distributions agree (KS complement >= 0.95).
        TableSpec invoice = spec.table("invoice").orElseThrow();
        TableSpec line = spec.table("invoice_line").orElseThrow();
        assertThat(ksComplement(childrenPerParent(input.get("invoice"), invoice.schema().indexOf("CustomerId")),
                childrenPerParent(out.get("invoice"), "CustomerId"))).isGreaterThanOrEqualTo(0.95);
        assertThat(ksComplement(childrenPerParent(input.get("invoice_line"), line.schema().indexOf("InvoiceId")),
                childrenPerParent(out.get("invoice_line"), "InvoiceId"))).isGreaterThanOrEqualTo(0.95);

        // Modelled columns are close to the training data, and they are generated, not copied.
        assertShapes("customer", ChinookModels.CUSTOMER_COLUMNS, out.get("customer"), "Customer");
        assertShapes("invoice", ChinookModels.INVOICE_COLUMNS, out.get("invoice"), "Invoice");
        assertShapes("invoice_line", ChinookModels.INVOICE_LINE_COLUMNS, out.get("invoice_line"), "InvoiceLine");
        List<Object> inputTotals = input.get("invoice").stream().map(r -> r[invoice.schema().indexOf("Total")])
                .toList();
        List<Object> outputTotals = out.get("invoice").stream().map(r -> r.get("Total")).toList();
        assertThat(outputTotals).isNotEqualTo(inputTotals);
    }

    private static void assertShapes(String table, List<String> columns, List<Map<String, Object>> output,
            String csv) throws Exception {
        TableProfile profile = TableModel.read(models.get(table).version()).profile();
        List<String> modelled = columns.stream()
                .filter(c -> profile.modelledColumns().stream().anyMatch(p -> p.name().equals(c))).toList();
        assertThat(modelled).as("modelled columns of %s", table).isNotEmpty();
        List<String[]> real = new ArrayList<>();
        for (Map<String, String> row : ChinookModels.rows(csv)) {
            real.add(modelled.stream().map(row::get).map(v -> v == null || v.isEmpty() ? null : v)
                    .toArray(String[]::new));
        }
        List<String[]> synthetic = new ArrayList<>();
        for (Map<String, Object> row : output) {
            synthetic.add(modelled.stream().map(row::get).map(v -> v == null ? null : v.toString())
                    .toArray(String[]::new));
        }
        TableProfile columnsOnly = new TableProfile(modelled.stream().map(profile::column).toList());
        DataTable realTable = columnsOnly.type(RawTable.fromRows(modelled, real));
        DataTable syntheticTable = columnsOnly.type(RawTable.fromRows(modelled, synthetic));
        double score = new ColumnShapes().compute(realTable, syntheticTable).score();
        System.out.printf("chinook synthesis: Column Shapes of %s %s = %.3f over %d rows%n", table, modelled, score,
                output.size());
        assertThat(score).as("Column Shapes of %s %s", table, modelled).isGreaterThanOrEqualTo(0.8);
    }

    /**
     * 59 customers are too few to compare 24 countries' frequencies (sampling noise alone costs ~0.2 of Column
     * Shapes), and 412 invoices few for 53 billing cities: copies with fresh ids (which no child references) give
     * the comparison more synthetic rows.
     */
    private static List<Object[]> withCopies(List<Object[]> rows, int id, int times) {
        List<Object[]> copies = new ArrayList<>(rows);
        for (int k = 1; k < times; k++) {
            for (Object[] row : rows) {
                Object[] copy = row.clone();
                copy[id] = (Integer) row[id] + 100_000 * k;
                copies.add(copy);
            }
        }
        return copies;
    }

    private static List<Object[]> orphanInvoices(List<Object[]> invoices, TableSchema schema) {
        int id = schema.indexOf("InvoiceId");
        int customer = schema.indexOf("CustomerId");
        List<Object[]> orphans = new ArrayList<>();
        int next = 900_000;
        for (int missing : MISSING_CUSTOMERS) {
            for (int k = 0; k < ORPHAN_INVOICES_EACH; k++) {
                Object[] row = invoices.get(next % invoices.size()).clone();
                row[id] = next++;
                row[customer] = missing;
                orphans.add(row);
            }
        }
        return orphans;
    }

    private static double[] childrenPerParent(List<Object[]> rows, int foreignKey) {
        Map<Object, Integer> counts = new HashMap<>();
        rows.forEach(r -> counts.merge(r[foreignKey], 1, Integer::sum));
        return counts.values().stream().mapToDouble(Integer::doubleValue).toArray();
    }

    private static double[] childrenPerParent(List<Map<String, Object>> rows, String foreignKey) {
        Map<Object, Integer> counts = new HashMap<>();
        rows.forEach(r -> counts.merge(r.get(foreignKey), 1, Integer::sum));
        return counts.values().stream().mapToDouble(Integer::doubleValue).toArray();
    }

    private static double ksComplement(double[] a, double[] b) {
        double complement = 1 - new KolmogorovSmirnovTest().kolmogorovSmirnovStatistic(a, b);
        System.out.printf("chinook synthesis: children per parent KS complement = %.4f (%d vs %d parents)%n",
                complement, a.length, b.length);
        return complement;
    }

    private static Set<Object> keys(List<Map<String, Object>> rows, String field) {
        Set<Object> keys = new HashSet<>();
        rows.forEach(r -> keys.add(r.get(field)));
        return keys;
    }

    private static String csvName(String table) {
        return switch (table) {
            case "customer" -> "Customer";
            case "invoice" -> "Invoice";
            default -> "InvoiceLine";
        };
    }
}
