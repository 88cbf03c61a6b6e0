package io.shadowfeed.job.synth;

import io.shadowfeed.avro.confluent.ConfluentWireEncoder;
import io.shadowfeed.avro.confluent.RegistryConnection;
import io.shadowfeed.job.ShadowfeedJob;
import io.shadowfeed.job.model.ModelVersion;
import io.shadowfeed.job.model.ModelVersionPublisher;
import io.shadowfeed.job.serde.ShadowfeedHeaders;
import io.shadowfeed.job.spec.PipelineSpec;
import io.shadowfeed.job.spec.PipelineSpecLoader;
import io.shadowfeed.job.spec.TableSpec;
import io.shadowfeed.job.testutils.ChinookModels;
import io.shadowfeed.job.testutils.ChinookRows;
import io.shadowfeed.job.testutils.TopicRows;
import io.shadowfeed.testutils.EmbeddedKafkaCluster;
import io.shadowfeed.testutils.EmbeddedSchemaRegistry;
import io.shadowfeed.trainer.artifact.ArtifactStore;
import io.shadowfeed.trainer.pipeline.TrainingOutcome;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Model versions swapped in while records flow, over a real broker, registry and MiniCluster: a table starts on
 * sanitize only, switches to v1 when it is published, to v2 mid-stream, and keeps v2 when a broken v3 is announced.
 * No record is lost or duplicated, and the model-version headers change once each, in order.
 */
class ModelHotSwapITCase {

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
            .setNumberSlotsPerTaskManager(1)
            .build());

    private static final int PER_PHASE = 300;

    @TempDir
    static Path work;

    @Test
    void versionsSwapMidStreamWithoutLossDuplicatesOrPause() throws Exception {
        Path store = work.resolve("models");
        ChinookModels.train(store, work.resolve("training"), 20, 1);
        TrainingOutcome v2 = ChinookModels.train(store, work.resolve("training/customer.csv"), "customer",
                List.of(), 160, 2);
        String name = "hotswap-" + EmbeddedKafkaCluster.randomSuffix();
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
                  batch-size: 32
                  flush-interval: 20ms
                job:
                  checkpoint-interval: 500ms
                  parallelism: 1
                tables:
                  customer:
                    input-topic: raw.customer.%1$s
                    output-topic: anon.customer.%1$s
                    schema: classpath:schemas/chinook/Customer.avsc
                    key: CustomerId
                    default-policy: drop
                    fields:
                      CustomerId: auto
                      State: keep
                      Country: keep
                      SupportRepId: keep
                """.formatted(name, KAFKA.bootstrapServers(), REGISTRY.url()), Path.of("."), "hot-swap spec");
        TableSpec customer = spec.tables().get(0);
        KAFKA.createTopics(1, customer.inputTopic());
        KAFKA.createTopics(1, Map.of("retention.ms", "-1"), customer.outputTopic());

        JobClient job = ShadowfeedJob.builder().setSpec(spec).build()
                .executeAsync(StreamExecutionEnvironment.getExecutionEnvironment());
        try (RegistryConnection registry = RegistryConnection.open(REGISTRY.url());
             KafkaProducer<byte[], byte[]> producer = KAFKA.producer();
             ModelVersionPublisher publisher = ModelVersionPublisher.open(KAFKA.bootstrapServers(),
                     spec.serving().modelsTopic())) {
            Replayer replay = new Replayer(producer, customer, registry);
            replay.send(PER_PHASE);                                   // no model yet: sanitize only
            awaitOutputs(customer, PER_PHASE);
            publisher.publish(ModelVersion.of(ArtifactStore.builder().setRoot(store).build().resolve("customer", "v1")));
            awaitHeader(customer, "customer/v1", replay, 5);
            replay.send(PER_PHASE);
            // v2 is announced while records keep coming: it loads in the background and swaps in between two.
            Thread sender = new Thread(() -> replay.sendPaced(PER_PHASE, Duration.ofMillis(5)));
            sender.start();
            Thread.sleep(300);
            publisher.publish(ModelVersion.of(v2.version()));
            sender.join();
            awaitHeader(customer, "customer/v2", replay, 5);
            // A broken version is rejected; v2 keeps serving.
            publisher.publish(new ModelVersion("customer", 3, work.resolve("nowhere").toString(), "columns:x", true,
                    System.currentTimeMillis()));
            Thread.sleep(2_000);
            replay.send(PER_PHASE);
            awaitOutputs(customer, replay.sent());

            List<ConsumerRecord<byte[], byte[]>> out = KAFKA.readAll(customer.outputTopic());
            Set<String> keys = new HashSet<>();
            out.forEach(r -> keys.add(TopicRows.key(r)));
            assertThat(out).as("outputs: none lost").hasSize(replay.sent());
            assertThat(keys).as("distinct keys: none duplicated").hasSize(replay.sent());

            List<String> versions = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> record : out) {
                String version = TopicRows.header(record, ShadowfeedHeaders.MODEL_VERSION);
                if (versions.isEmpty() || !versions.get(versions.size() - 1).equals(version)) {
                    versions.add(version);
                }
            }
            assertThat(versions).as("model versions in output order").containsExactly("none", "customer/v1",
                    "customer/v2");

            List<String> statuses = KAFKA.readAll(spec.serving().modelsTopic() + ".status").stream()
                    .map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
            assertThat(statuses).anySatisfy(s -> assertThat(s).contains("\"status\":\"REJECTED\"")
                    .contains("customer/v3"));
            assertThat(statuses).anySatisfy(s -> assertThat(s).contains("\"status\":\"SERVING\"")
                    .contains("customer/v2"));
        } finally {
            job.cancel().get();
        }
    }

    private static void awaitOutputs(TableSpec table, int count) throws InterruptedException {
        KAFKA.awaitCommittedCount(List.of(table.outputTopic()), count, Duration.ofSeconds(60));
    }

    /** Sends a few records at a time until one comes out generated by {@code version}. */
    private static void awaitHeader(TableSpec table, String version, Replayer replay, int batch) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            replay.send(batch);
            awaitOutputs(table, replay.sent());
            boolean seen = KAFKA.readAll(table.outputTopic()).stream().anyMatch(r ->
                    version.equals(TopicRows.header(r, ShadowfeedHeaders.MODEL_VERSION)));
            if (seen) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no output generated by " + version + " within 90 s");
    }

    /** Real Chinook customers, replayed with fresh ids so every output key is distinct. */
    private static final class Replayer {
        private final KafkaProducer<byte[], byte[]> producer;
        private final TableSpec table;
        private final ConfluentWireEncoder encoder;
        private final List<Object[]> rows;
        private final int id;
        private int sent;

        Replayer(KafkaProducer<byte[], byte[]> producer, TableSpec table, RegistryConnection registry)
                throws Exception {
            this.producer = producer;
            this.table = table;
            this.encoder = new ConfluentWireEncoder(registry, table.inputTopic() + "-value", table.schema());
            this.rows = ChinookRows.read("Customer", table.schema());
            this.id = table.schema().indexOf("CustomerId");
        }

        synchronized int sent() {
            return sent;
        }

        void send(int count) {
            for (int i = 0; i < count; i++) {
                sendOne();
            }
            producer.flush();
        }

        void sendPaced(int count, Duration gap) {
            for (int i = 0; i < count; i++) {
                sendOne();
                producer.flush();
                try {
                    Thread.sleep(gap.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        private synchronized void sendOne() {
            Object[] row = rows.get(sent % rows.size()).clone();
            row[id] = 1_000_000 + sent;
            producer.send(new ProducerRecord<>(table.inputTopic(), row[id].toString().getBytes(StandardCharsets.UTF_8),
                    encoder.encode(row)));
            sent++;
        }
    }
}
