package io.shadowfeed.deploy.replay;

import io.shadowfeed.avro.confluent.ConfluentWireDecoder;
import io.shadowfeed.avro.confluent.RegistryConnection;
import io.shadowfeed.avro.registry.SchemaRegistryServer;
import io.shadowfeed.avro.registry.store.InMemorySchemaStore;
import io.shadowfeed.job.spec.PipelineSpecLoader;
import io.shadowfeed.job.spec.TableSpec;
import io.shadowfeed.testutils.EmbeddedKafkaCluster;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Replays CSVs into a real (in-process) broker through a real registry and reads them back. */
class CsvReplayerITCase {

    @RegisterExtension
    static final EmbeddedKafkaCluster KAFKA = new EmbeddedKafkaCluster();

    private static SchemaRegistryServer registry;
    private static TableSpec invoice;

    @BeforeAll
    static void startRegistry() {
        registry = SchemaRegistryServer.builder().setPort(0).setStore(new InMemorySchemaStore()).build();
        registry.start();
        invoice = PipelineSpecLoader.loadResource("specs/chinook-demo.yaml").table("invoice").orElseThrow();
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @Test
    void producesEveryRowInFileOrderAsConfluentAvroKeyedByTheKeyField() throws Exception {
        String topic = "raw.invoice-" + EmbeddedKafkaCluster.randomSuffix();

        ReplayResult result = replayer(topic, CsvSource.resource("datasets/chinook/Invoice.csv")).build().run();

        assertThat(result.topic()).isEqualTo(topic);
        assertThat(result.records()).isEqualTo(412);
        assertThat(result.skipped()).isZero();
        List<ConsumerRecord<byte[], byte[]>> records = KAFKA.readAll(topic);
        assertThat(records).hasSize(412);
        try (RegistryConnection connection = RegistryConnection.open(registry.url())) {
            ConfluentWireDecoder decoder = new ConfluentWireDecoder(connection, invoice.avroSchemaJson());
            Object[] first = decoder.decode(records.get(0).value()).values();
            assertThat(first).containsExactly(1, 2, Instant.parse("2021-01-01T00:00:00Z").toEpochMilli(),
                    "Theodor-Heuss-Straße 34", "Stuttgart", null, "Germany", "70174", 1.98);
            assertThat(new String(records.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("1");
            assertThat(new String(records.get(411).key(), StandardCharsets.UTF_8)).isEqualTo("412");
            assertThat(decoder.decode(records.get(0).value()).writerSchemaId())
                    .isEqualTo(connection.register(topic + "-value",
                            io.shadowfeed.avro.confluent.AvroSchemas.toAvroJson(invoice.schema())));
        }
    }

    @Test
    void repeatsTheFileAndStopsAtTheLimit() {
        String topic = "raw.invoice-" + EmbeddedKafkaCluster.randomSuffix();

        ReplayResult result = replayer(topic, CsvSource.resource("datasets/chinook/Invoice.csv"))
                .optRepeat(3)
                .optLimit(1000)
                .build()
                .run();

        assertThat(result.records()).isEqualTo(1000);
        List<ConsumerRecord<byte[], byte[]>> records = KAFKA.readAll(topic);
        assertThat(records).hasSize(1000);
        // the second pass starts again at the first row
        assertThat(records.get(412).key()).isEqualTo(records.get(0).key());
    }

    @Test
    void failsOnTheFirstBadRowOrSkipsAndCountsBadRows() {
        String csv = "InvoiceId,CustomerId,InvoiceDate,BillingAddress,BillingCity,BillingState,BillingCountry,"
                + "BillingPostalCode,Total\n"
                + "1,2,2021-01-01 00:00:00,,,,,,1.98\n"
                + "2,2,yesterday,,,,,,1.98\n"
                + "3,2,2021-01-03 00:00:00,,,,,,1.98\n";
        CsvSource source = new CsvSource("bad.csv", () -> new StringReader(csv));
        String topic = "raw.bad-" + EmbeddedKafkaCluster.randomSuffix();

        assertThatThrownBy(() -> replayer(topic, source).build().run())
                .isInstanceOf(CsvConversionException.class)
                .hasMessageStartingWith("bad.csv line 3, column 'InvoiceDate': not an ISO-8601 date-time");

        ReplayResult skipping = replayer(topic + "-skip", source).optSkipBadRows(true).optRepeat(2).build().run();
        assertThat(skipping.records()).isEqualTo(4);
        assertThat(skipping.skipped()).isEqualTo(2);
    }

    private static CsvReplayer.Builder replayer(String topic, CsvSource source) {
        return CsvReplayer.builder()
                .setSource(source)
                .setTable(invoice.schema(), invoice.keyField())
                .setTopic(topic)
                .setBootstrapServers(KAFKA.bootstrapServers())
                .setRegistryUrl(registry.url());
    }
}
