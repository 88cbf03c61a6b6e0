package io.shadowfeed.avro.registry;

import io.shadowfeed.avro.registry.store.KafkaSchemaStore;
import io.shadowfeed.testutils.EmbeddedKafkaCluster;

import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.CachedSchemaRegistryClient;
import org.apache.flink.avro.registry.confluent.shaded.io.confluent.kafka.schemaregistry.client.SchemaMetadata;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Row;
import org.apache.flink.util.CollectionUtil;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flink SQL's {@code avro-confluent} format writes to and reads from Kafka through the registry over HTTP: the
 * writer registers {@code <topic>-value}, the reader resolves the id in every record.
 */
class FlinkSqlAvroConfluentITCase {

    @RegisterExtension
    static final EmbeddedKafkaCluster KAFKA = new EmbeddedKafkaCluster();

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(2)
                    .build());

    private static SchemaRegistryServer registry;

    @BeforeAll
    static void startRegistry() {
        registry = SchemaRegistryServer.builder()
                .setPort(0)
                .setStore(KafkaSchemaStore.builder().setBootstrapServers(KAFKA.bootstrapServers()).build())
                .build();
        registry.start();
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void rowsSurviveARoundTripThroughKafkaAndTheRegistry() throws Exception {
        String topic = "orders-" + EmbeddedKafkaCluster.randomSuffix();
        KAFKA.createTopics(2, topic);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        StreamTableEnvironment tableEnv = StreamTableEnvironment.create(env);
        tableEnv.executeSql(createTable("orders_sink", topic, ""));
        tableEnv.executeSql(createTable("orders_source", topic, ",\n"
                + "  'properties.group.id' = 'it-" + topic + "',\n"
                + "  'scan.startup.mode' = 'earliest-offset',\n"
                + "  'scan.bounded.mode' = 'latest-offset'"));

        tableEnv.executeSql("INSERT INTO orders_sink VALUES "
                + "(1, 'ada', CAST(12.50 AS DECIMAL(10, 2)), TIMESTAMP '2024-03-01 10:15:30.250', TRUE), "
                + "(2, CAST(NULL AS STRING), CAST(0.99 AS DECIMAL(10, 2)), TIMESTAMP '2024-03-02 00:00:00.000', FALSE), "
                + "(3, 'grace', CAST(-7.00 AS DECIMAL(10, 2)), TIMESTAMP '1999-12-31 23:59:59.999', CAST(NULL AS BOOLEAN))")
                .await();

        // bounded by 'scan.bounded.mode': the job ends, and the iterator with it, at the offsets of now
        List<Row> rows = CollectionUtil.iteratorToList(tableEnv.executeSql("SELECT * FROM orders_source").collect());
        assertThat(rows).containsExactlyInAnyOrder(
                Row.of(1L, "ada", new BigDecimal("12.50"), LocalDateTime.of(2024, 3, 1, 10, 15, 30, 250_000_000), true),
                Row.of(2L, null, new BigDecimal("0.99"), LocalDateTime.of(2024, 3, 2, 0, 0), false),
                Row.of(3L, "grace", new BigDecimal("-7.00"), LocalDateTime.of(1999, 12, 31, 23, 59, 59, 999_000_000),
                        null));

        CachedSchemaRegistryClient client = new CachedSchemaRegistryClient(registry.url(), 10);
        assertThat(client.getAllSubjects()).contains(topic + "-value");
        SchemaMetadata latest = client.getLatestSchemaMetadata(topic + "-value");
        assertThat(latest.getVersion()).isEqualTo(1);
        assertThat(latest.getSchema()).contains("\"order_id\"", "\"customer\"", "timestamp-millis", "decimal");

        List<ConsumerRecord<byte[], byte[]>> records = KAFKA.readAll(topic);
        assertThat(records).hasSize(3).allSatisfy(record -> {
            ByteBuffer value = ByteBuffer.wrap(record.value());
            assertThat(value.get()).as("Confluent magic byte").isEqualTo((byte) 0);
            assertThat(value.getInt()).as("schema id").isEqualTo(latest.getId());
        });
    }

    private String createTable(String name, String topic, String extraOptions) {
        return "CREATE TABLE " + name + " (\n"
                + "  order_id BIGINT NOT NULL,\n"
                + "  customer STRING,\n"
                + "  amount DECIMAL(10, 2),\n"
                + "  placed_at TIMESTAMP(3),\n"
                + "  express BOOLEAN\n"
                + ") WITH (\n"
                + "  'connector' = 'kafka',\n"
                + "  'topic' = '" + topic + "',\n"
                + "  'properties.bootstrap.servers' = '" + KAFKA.bootstrapServers() + "',\n"
                + "  'format' = 'avro-confluent',\n"
                + "  'avro-confluent.url' = '" + registry.url() + "'"
                + extraOptions + "\n)";
    }
}
