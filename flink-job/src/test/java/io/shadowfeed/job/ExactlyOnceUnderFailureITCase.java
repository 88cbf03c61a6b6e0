package io.shadowfeed.job;

import io.shadowfeed.avro.confluent.ConfluentWireDecoder;
import io.shadowfeed.avro.confluent.ConfluentWireEncoder;
import io.shadowfeed.avro.confluent.RegistryConnection;
import io.shadowfeed.job.spec.PipelineSpec;
import io.shadowfeed.job.spec.TableSpec;
import io.shadowfeed.job.testutils.ChinookPipeline;
import io.shadowfeed.job.testutils.ChinookRows;
import io.shadowfeed.testutils.EmbeddedKafkaCluster;
import io.shadowfeed.testutils.EmbeddedSchemaRegistry;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A TaskManager dies while records are flowing; a new one takes over and the job restarts from its last checkpoint.
 * A read_committed consumer must then see every input record exactly once: none lost, none duplicated.
 */
class ExactlyOnceUnderFailureITCase {

    private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

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
            .setConfiguration(METRICS.addToConfiguration(restartQuickly()))
            .build());

    private static final int COPIES = 4;

    @Test
    void everyRecordExactlyOnceAfterATaskManagerDies(@InjectMiniCluster MiniCluster miniCluster) throws Exception {
        String name = "exactly-once-" + EmbeddedKafkaCluster.randomSuffix();
        PipelineSpec spec = ChinookPipeline.spec(name, KAFKA.bootstrapServers(), REGISTRY.url(), 1 << 20, "500ms");
        TableSpec lines = spec.table("invoice_line").orElseThrow();
        KAFKA.createTopics(2, spec.tables().stream().map(TableSpec::inputTopic).toArray(String[]::new));

        List<Object[]> rows = new ArrayList<>();
        List<Object[]> base = ChinookRows.read("InvoiceLine", lines.schema());
        for (int c = 0; c < COPIES; c++) {
            for (Object[] row : base) {
                Object[] copy = row.clone();
                copy[0] = (Integer) row[0] + c * 100_000;
                rows.add(copy);
            }
        }
        int half = rows.size() / 2;

        try (RegistryConnection registry = RegistryConnection.open(REGISTRY.url());
             KafkaProducer<byte[], byte[]> producer = KAFKA.producer()) {
            // The lines' parents first: a line waits for its invoice, which waits for its customer.
            for (String parent : List.of("customer", "invoice")) {
                TableSpec table = spec.table(parent).orElseThrow();
                send(producer, new ConfluentWireEncoder(registry, table.inputTopic() + "-value", table.schema()),
                        table, ChinookRows.read(parent.equals("customer") ? "Customer" : "Invoice", table.schema()),
                        0);
            }
            ConfluentWireEncoder encoder = new ConfluentWireEncoder(registry, lines.inputTopic() + "-value",
                    lines.schema());
            send(producer, encoder, lines, rows.subList(0, half), 0);

            JobClient job = ShadowfeedJob.builder().setSpec(spec).build()
                    .executeAsync(StreamExecutionEnvironment.getExecutionEnvironment());
            // A checkpoint has committed output, so the restart below resumes from state, not from scratch.
            KAFKA.awaitCommittedCount(List.of(lines.outputTopic()), 1, Duration.ofSeconds(60));

            // The second half flows while the TaskManager dies.
            CompletableFuture<Void> secondHalf = CompletableFuture.runAsync(() ->
                    send(producer, encoder, lines, rows.subList(half, rows.size()), 2));
            Thread.sleep(300);
            miniCluster.terminateTaskManager(0).get(30, TimeUnit.SECONDS);
            miniCluster.startTaskManager();
            secondHalf.get(60, TimeUnit.SECONDS);

            KAFKA.awaitCommittedCount(List.of(lines.outputTopic()), rows.size(), Duration.ofSeconds(120));
            // One more checkpoint interval: anything duplicated would be committed by now.
            Thread.sleep(1500);
            assertThat(restarts(job)).as("the job restarted after the TaskManager died").isGreaterThanOrEqualTo(1);
            job.cancel().get(30, TimeUnit.SECONDS);
            JobStatus status = job.getJobStatus().get(30, TimeUnit.SECONDS);
            for (int i = 0; i < 100 && !status.isGloballyTerminalState(); i++) {
                Thread.sleep(100);
                status = job.getJobStatus().get(30, TimeUnit.SECONDS);
            }
            assertThat(status).isEqualTo(JobStatus.CANCELED);
        }

        List<ConsumerRecord<byte[], byte[]>> out = KAFKA.readAll(lines.outputTopic());
        Map<Integer, Integer> seen = new HashMap<>();
        try (RegistryConnection registry = RegistryConnection.open(REGISTRY.url())) {
            String schema = registry.schemaById(ByteBuffer.wrap(out.get(0).value(), 1, 4).getInt());
            ConfluentWireDecoder decoder = new ConfluentWireDecoder(registry, schema);
            for (ConsumerRecord<byte[], byte[]> record : out) {
                seen.merge((Integer) decoder.decode(record.value()).values()[0], 1, Integer::sum);
            }
        }
        assertThat(seen.values()).as("no duplicates").allMatch(count -> count == 1);
        assertThat(seen.keySet()).as("nothing lost")
                .containsExactlyInAnyOrderElementsOf(rows.stream().map(r -> (Integer) r[0]).toList());
        assertThat(out).hasSize(rows.size());
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, ConfluentWireEncoder encoder, TableSpec table,
                             List<Object[]> rows, long pauseEvery500Millis) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try {
            for (int i = 0; i < rows.size(); i++) {
                Object[] row = rows.get(i);
                byte[] key = row[0].toString().getBytes(StandardCharsets.UTF_8);
                sent.add(producer.send(new ProducerRecord<>(table.inputTopic(), i % 2, key, encoder.encode(row))));
                if (pauseEvery500Millis > 0 && i % 500 == 0) {
                    producer.flush();
                    Thread.sleep(pauseEvery500Millis * 100);
                }
            }
            producer.flush();
            // Every input record must be acknowledged, or a lost send would look like a job that lost records.
            for (Future<RecordMetadata> ack : sent) {
                ack.get(60, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the test could not produce its input: " + e, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static long restarts(JobClient job) {
        return METRICS.findJobMetricGroups(job.getJobID(), "numRestarts").stream()
                .mapToLong(t -> ((Gauge<Long>) t.f2).getValue())
                .max()
                .orElse(0);
    }

    private static Configuration restartQuickly() {
        Configuration config = new Configuration();
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 20);
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(500));
        return config;
    }
}
