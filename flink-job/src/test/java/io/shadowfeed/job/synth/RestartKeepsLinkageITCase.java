package io.shadowfeed.job.synth;

import io.shadowfeed.job.ShadowfeedJob;
import io.shadowfeed.job.spec.PipelineSpec;
import io.shadowfeed.job.spec.PipelineSpecLoader;
import io.shadowfeed.job.spec.TableSpec;
import io.shadowfeed.job.testutils.ChinookModels;
import io.shadowfeed.job.testutils.ChinookRows;
import io.shadowfeed.job.testutils.TopicRows;
import io.shadowfeed.testutils.EmbeddedKafkaCluster;
import io.shadowfeed.testutils.EmbeddedSchemaRegistry;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stop with a savepoint and restart from it (RocksDB state): customers replayed after the restart keep their
 * pseudonyms and the synthetic attributes they were given before it, and invoices sent after the restart find their
 * customers in the restored linkage state at once. Had the state been lost, those invoices would wait for customers
 * that never come again and leave as ORPHAN dead letters after their one-second wait.
 */
class RestartKeepsLinkageITCase {

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

    @TempDir
    static Path work;

    @Test
    void pseudonymsAttributesAndParentsSurviveARestartFromSavepoint() throws Exception {
        Path store = work.resolve("models");
        ChinookModels.train(store, work.resolve("training"), 20, 3);
        String name = "restart-" + EmbeddedKafkaCluster.randomSuffix();
        PipelineSpec spec = PipelineSpecLoader.parse("""
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
                state:
                  backend: rocksdb
                  checkpoint-directory: %5$s
                job:
                  checkpoint-interval: 500ms
                  parallelism: 2
                  max-out-of-orderness: 1s
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
                    orphans: dead-letter
                    parent-wait: 1s
                    default-policy: drop
                    fields:
                      InvoiceId: auto
                      InvoiceDate: keep
                      BillingCountry: keep
                      Total: keep
                """.formatted(name, KAFKA.bootstrapServers(), REGISTRY.url(), store,
                work.resolve("checkpoints").toUri()), Path.of("."), "restart spec");
        TableSpec customer = spec.table("customer").orElseThrow();
        TableSpec invoice = spec.table("invoice").orElseThrow();
        KAFKA.createTopics(2, customer.inputTopic(), invoice.inputTopic());
        KAFKA.createTopics(2, Map.of("retention.ms", "-1"), customer.outputTopic(), invoice.outputTopic());
        List<Object[]> customers = ChinookRows.read("Customer", customer.schema());
        List<Object[]> invoices = ChinookRows.read("Invoice", invoice.schema());
        int half = invoices.size() / 2;

        JobClient first = ShadowfeedJob.builder().setSpec(spec).build()
                .executeAsync(StreamExecutionEnvironment.getExecutionEnvironment());
        send(customer, customers);
        KAFKA.awaitCommittedCount(List.of(customer.outputTopic()), customers.size(), Duration.ofSeconds(90));
        send(invoice, invoices.subList(0, half));
        KAFKA.awaitCommittedCount(List.of(invoice.outputTopic()), half, Duration.ofSeconds(90));
        String savepoint = first.stopWithSavepoint(false, work.resolve("savepoints").toUri().toString(),
                SavepointFormatType.CANONICAL).get();
        Map<String, Map<String, Object>> before = byKey(customer, KAFKA.readAll(customer.outputTopic()));

        Configuration restore = new Configuration();
        restore.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        JobClient second = ShadowfeedJob.builder().setSpec(spec).build()
                .executeAsync(StreamExecutionEnvironment.getExecutionEnvironment(restore));
        try {
            // Invoices first: they can only come out if the restored state knows their customers.
            send(invoice, invoices.subList(half, invoices.size()));
            KAFKA.awaitCommittedCount(List.of(invoice.outputTopic()), invoices.size(), Duration.ofSeconds(90));
            send(customer, customers);                      // the same customers again: updates
            KAFKA.awaitCommittedCount(List.of(customer.outputTopic()), 2L * customers.size(), Duration.ofSeconds(90));

            assertThat(KAFKA.readAll(spec.deadLetterTopic())).as("orphans after the restart").isEmpty();
            List<ConsumerRecord<byte[], byte[]>> customerOut = KAFKA.readAll(customer.outputTopic());
            assertThat(customerOut).hasSize(2 * customers.size());
            assertThat(customerOut.stream().map(TopicRows::key).distinct())
                    .as("pseudonyms after the restart").containsExactlyInAnyOrderElementsOf(before.keySet());
            Map<String, List<Map<String, Object>>> all = new HashMap<>();
            List<Map<String, Object>> rows = TopicRows.decode(REGISTRY.url(), customer, customerOut);
            for (int i = 0; i < rows.size(); i++) {
                all.computeIfAbsent(TopicRows.key(customerOut.get(i)), k -> new ArrayList<>()).add(rows.get(i));
            }
            assertThat(all).hasSize(customers.size());
            for (List<Map<String, Object>> versions : all.values()) {
                assertThat(versions).hasSize(2);
                assertThat(versions.get(1)).as("synthetic attributes after the restart").isEqualTo(versions.get(0));
            }
            List<ConsumerRecord<byte[], byte[]>> invoiceOut = KAFKA.readAll(invoice.outputTopic());
            assertThat(invoiceOut).hasSize(invoices.size());
        } finally {
            second.cancel().get();
        }
    }

    private static void send(TableSpec table, List<Object[]> rows) {
        try (KafkaProducer<byte[], byte[]> producer = KAFKA.producer()) {
            TopicRows.send(REGISTRY.url(), producer, table, rows);
        }
    }

    /** The customers' output rows by their key (a pseudonym). */
    private static Map<String, Map<String, Object>> byKey(TableSpec table, List<ConsumerRecord<byte[], byte[]>> out)
            throws Exception {
        List<Map<String, Object>> rows = TopicRows.decode(REGISTRY.url(), table, out);
        Map<String, Map<String, Object>> byKey = new HashMap<>();
        for (int i = 0; i < out.size(); i++) {
            byKey.put(TopicRows.key(out.get(i)), rows.get(i));
        }
        return byKey;
    }
}
