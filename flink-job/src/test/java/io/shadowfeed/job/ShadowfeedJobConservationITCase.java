package io.shadowfeed.job;

import io.shadowfeed.avro.confluent.AvroSchemas;
import io.shadowfeed.avro.confluent.ConfluentWireDecoder;
import io.shadowfeed.avro.confluent.ConfluentWireEncoder;
import io.shadowfeed.avro.confluent.RegistryConnection;
import io.shadowfeed.avro.schema.FieldSchema;
import io.shadowfeed.avro.schema.FieldType;
import io.shadowfeed.avro.schema.TableSchema;
import io.shadowfeed.job.metrics.TableMetrics;
import io.shadowfeed.job.serde.ShadowfeedHeaders;
import io.shadowfeed.job.spec.PipelineSpec;
import io.shadowfeed.job.spec.TableSpec;
import io.shadowfeed.job.testutils.ChinookPipeline;
import io.shadowfeed.job.testutils.ChinookRows;
import io.shadowfeed.testutils.EmbeddedKafkaCluster;
import io.shadowfeed.testutils.EmbeddedSchemaRegistry;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real Chinook rows (11k+ records over three tables) mixed with every kind of bad record, through the whole job
 * (in-process KRaft broker, the registry over HTTP, Flink MiniCluster): for each table, in = out + dead letters, each
 * dead letter carries the right reason and the original bytes, and no masked or dropped value reaches the output.
 */
class ShadowfeedJobConservationITCase {

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
            .setConfiguration(METRICS.addToConfiguration(new Configuration()))
            .build());

    /** Bad records of each kind per table. */
    private static final int BAD_OF_EACH_KIND = 7;
    /** Invoice lines are replayed this many times (with fresh ids) to pass 10k records. */
    private static final int INVOICE_LINE_COPIES = 5;
    private static final int MAX_RECORD_BYTES = 4096;

    @Test
    void everyRecordIsAnOutputOrADeadLetterWithItsReason() throws Exception {
        String name = "conservation-" + EmbeddedKafkaCluster.randomSuffix();
        PipelineSpec spec = ChinookPipeline.spec(name, KAFKA.bootstrapServers(), REGISTRY.url(), MAX_RECORD_BYTES,
                "1s");
        Map<String, Expected> expected = new HashMap<>();
        Map<String, Map<Long, byte[]>> producedValues = new HashMap<>();
        try (RegistryConnection registry = RegistryConnection.open(REGISTRY.url());
             KafkaProducer<byte[], byte[]> producer = KAFKA.producer()) {
            KAFKA.createTopics(2, spec.tables().stream().map(TableSpec::inputTopic).toArray(String[]::new));
            for (TableSpec table : spec.tables()) {
                List<Object[]> rows = ChinookRows.read(csvName(table.name()), table.schema());
                if (table.name().equals("invoice_line")) {
                    rows = copiesWithFreshIds(rows, INVOICE_LINE_COPIES);
                }
                List<Outgoing> records = recordsFor(table, rows, registry);
                Expected e = new Expected();
                records.forEach(r -> e.add(r.reason));
                expected.put(table.name(), e);
                List<Future<RecordMetadata>> sent = new ArrayList<>();
                for (Outgoing record : records) {
                    sent.add(producer.send(new ProducerRecord<>(table.inputTopic(), 0, record.key, record.value)));
                }
                Map<Long, byte[]> byOffset = new HashMap<>();
                for (int i = 0; i < sent.size(); i++) {
                    byOffset.put(sent.get(i).get().offset(), records.get(i).value);
                }
                producedValues.put(table.inputTopic(), byOffset);
            }
        }
        long totalIn = expected.values().stream().mapToLong(Expected::total).sum();
        assertThat(totalIn).isGreaterThan(10_000);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobExecutionResult result = ShadowfeedJob.builder().setSpec(spec).optBounded(true).build().execute(env);

        List<ConsumerRecord<byte[], byte[]>> deadLetters = KAFKA.readAll(spec.deadLetterTopic());
        Map<String, Map<String, Long>> deadLettersByTableAndReason = deadLetters.stream().collect(
                Collectors.groupingBy(r -> header(r, ShadowfeedHeaders.TABLE),
                        Collectors.groupingBy(r -> header(r, ShadowfeedHeaders.REASON), TreeMap::new,
                                Collectors.counting())));
        for (TableSpec table : spec.tables()) {
            Expected e = expected.get(table.name());
            List<ConsumerRecord<byte[], byte[]>> out = KAFKA.readAll(table.outputTopic());
            Map<String, Long> dead = deadLettersByTableAndReason.getOrDefault(table.name(), Map.of());
            long deadCount = dead.values().stream().mapToLong(Long::longValue).sum();

            assertThat(out.size() + deadCount).as("in = out + dead letters for %s", table.name())
                    .isEqualTo(e.total());
            assertThat(out).as("outputs of %s", table.name()).hasSize((int) e.outputs());
            assertThat(dead).as("dead letters of %s by reason", table.name()).isEqualTo(e.deadByReason());
            assertCounter(result, table.name(), TableMetrics.RECORDS_IN, e.total());
            assertCounter(result, table.name(), TableMetrics.RECORDS_OUT, e.outputs());
            assertCounter(result, table.name(), TableMetrics.RECORDS_DEAD_LETTERED, deadCount);
            assertCounter(result, table.name(), TableMetrics.UNKNOWN_FIELDS_DROPPED, 2L * BAD_OF_EACH_KIND);
            assertOutputsDecodeAndKeepKeys(table, out);
        }
        // Dead letters keep their original bytes and say where they came from.
        for (ConsumerRecord<byte[], byte[]> letter : deadLetters) {
            String topic = header(letter, ShadowfeedHeaders.SOURCE_TOPIC);
            long offset = Long.parseLong(header(letter, ShadowfeedHeaders.SOURCE_OFFSET));
            assertThat(letter.value()).isEqualTo(producedValues.get(topic).get(offset));
            assertThat(header(letter, ShadowfeedHeaders.DETAIL)).isNotBlank();
        }
        assertNoMaskedValueInOutput(spec);
    }

    private static void assertOutputsDecodeAndKeepKeys(TableSpec table, List<ConsumerRecord<byte[], byte[]>> out)
            throws Exception {
        try (RegistryConnection registry = RegistryConnection.open(REGISTRY.url())) {
            int schemaId = ByteBuffer.wrap(out.get(0).value(), 1, 4).getInt();
            String outputSchema = registry.schemaById(schemaId);
            assertThat(AvroSchemas.parseTable(outputSchema).fields()).containsExactlyElementsOf(
                    table.outputSchema().fields());
            ConfluentWireDecoder decoder = new ConfluentWireDecoder(registry, outputSchema);
            int keyPosition = table.outputSchema().indexOf(table.keyField());
            for (ConsumerRecord<byte[], byte[]> record : out) {
                Object[] values = decoder.decode(record.value()).values();
                assertThat(new String(record.key(), StandardCharsets.UTF_8))
                        .isEqualTo(String.valueOf(values[keyPosition]));
                assertThat(header(record, ShadowfeedHeaders.SPEC_VERSION)).endsWith("/v1");
            }
        }
    }

    /** Emails, phones, last names and street addresses of the real customers appear in no output byte. */
    private static void assertNoMaskedValueInOutput(PipelineSpec spec) throws Exception {
        TableSpec customer = spec.table("customer").orElseThrow();
        List<Object[]> rows = ChinookRows.read("Customer", customer.schema());
        List<String> secrets = new ArrayList<>();
        for (String field : List.of("Email", "Phone", "LastName", "Address")) {
            int position = customer.schema().indexOf(field);
            rows.stream().map(r -> r[position]).filter(v -> v != null && v.toString().length() >= 5)
                    .forEach(v -> secrets.add(v.toString()));
        }
        assertThat(secrets).hasSizeGreaterThan(150);
        for (TableSpec table : spec.tables()) {
            for (ConsumerRecord<byte[], byte[]> record : KAFKA.readAll(table.outputTopic())) {
                String bytes = new String(record.value(), StandardCharsets.UTF_8);
                for (String secret : secrets) {
                    assertThat(bytes).as("output of %s", table.name()).doesNotContain(secret);
                }
            }
        }
    }

    private static void assertCounter(JobExecutionResult result, String table, String metric, long expected) {
        long sum = 0;
        for (Map.Entry<String, Metric> entry : METRICS.findMetrics(result.getJobID(), metric).entrySet()) {
            if (entry.getKey().contains("." + table + ".")) {
                sum += ((Counter) entry.getValue()).getCount();
            }
        }
        assertThat(sum).as("metric %s of %s", metric, table).isEqualTo(expected);
    }

    // ---- records: good ones plus every kind of bad one, shuffled ----

    private record Outgoing(byte[] key, byte[] value, String reason) {}

    private static List<Outgoing> recordsFor(TableSpec table, List<Object[]> rows, RegistryConnection registry) {
        TableSchema schema = table.schema();
        String subject = table.inputTopic() + "-value";
        ConfluentWireEncoder good = new ConfluentWireEncoder(registry, subject, schema);
        int keyPosition = schema.indexOf(table.keyField());
        Function<Object[], byte[]> key = r -> r[keyPosition].toString().getBytes(StandardCharsets.UTF_8);

        List<Outgoing> records = new ArrayList<>();
        for (Object[] row : rows) {
            records.add(new Outgoing(key.apply(row), good.encode(row), null));
        }
        // Producers that evolved their schema: a new optional field (same subject, BACKWARD compatible), and an
        // extra required field under another subject. Both still read as the table's schema: outputs.
        ConfluentWireEncoder evolved = new ConfluentWireEncoder(registry, subject,
                withExtraField(schema, "LoyaltyTier", true));
        ConfluentWireEncoder extra = new ConfluentWireEncoder(registry, table.inputTopic() + "-extra",
                withExtraField(schema, "InternalNote", false));
        // A producer that lost a required field: cannot be read as the table's schema.
        int requiredField = lastRequiredField(schema);
        ConfluentWireEncoder missing = new ConfluentWireEncoder(registry, table.inputTopic() + "-missing",
                without(schema, requiredField));
        Random random = new Random(42);
        for (int i = 0; i < BAD_OF_EACH_KIND; i++) {
            Object[] row = rows.get(random.nextInt(rows.size()));
            byte[] valid = good.encode(row);
            records.add(new Outgoing(key.apply(row), evolved.encode(append(row, "gold")), null));
            records.add(new Outgoing(key.apply(row), extra.encode(append(row, "note")), null));
            records.add(new Outgoing(key.apply(row), missing.encode(without(row, requiredField)),
                    "MISSING_REQUIRED_FIELD"));
            records.add(new Outgoing(key.apply(row), Arrays.copyOf(valid, valid.length - 3), "MALFORMED_AVRO"));
            byte[] wrongMagic = valid.clone();
            wrongMagic[0] = 1;
            records.add(new Outgoing(key.apply(row), wrongMagic, "BAD_MAGIC_BYTE"));
            byte[] unknownId = valid.clone();
            ByteBuffer.wrap(unknownId, 1, 4).putInt(987_654);
            records.add(new Outgoing(key.apply(row), unknownId, "UNKNOWN_SCHEMA_ID"));
            byte[] huge = new byte[MAX_RECORD_BYTES + 1];
            System.arraycopy(valid, 0, huge, 0, valid.length);
            records.add(new Outgoing(key.apply(row), huge, "OVERSIZED_RECORD"));
            records.add(new Outgoing(key.apply(row), null, "EMPTY_VALUE"));
        }
        Collections.shuffle(records, random);
        return records;
    }

    private static TableSchema withExtraField(TableSchema schema, String name, boolean nullable) {
        List<FieldSchema> fields = new ArrayList<>(schema.fields());
        fields.add(FieldSchema.of(name, FieldType.STRING, nullable));
        return new TableSchema(schema.namespace(), schema.name(), fields);
    }

    /** The position of the last field without a default (not nullable): a producer dropping it breaks readers. */
    private static int lastRequiredField(TableSchema schema) {
        int position = schema.size() - 1;
        while (schema.field(position).nullable()) {
            position--;
        }
        return position;
    }

    private static TableSchema without(TableSchema schema, int position) {
        List<FieldSchema> fields = new ArrayList<>(schema.fields());
        fields.remove(position);
        return new TableSchema(schema.namespace(), schema.name(), fields);
    }

    private static Object[] without(Object[] row, int position) {
        List<Object> values = new ArrayList<>(Arrays.asList(row));
        values.remove(position);
        return values.toArray();
    }

    private static Object[] append(Object[] row, Object value) {
        Object[] longer = Arrays.copyOf(row, row.length + 1);
        longer[row.length] = value;
        return longer;
    }

    private static List<Object[]> copiesWithFreshIds(List<Object[]> rows, int copies) {
        List<Object[]> out = new ArrayList<>();
        for (int c = 0; c < copies; c++) {
            for (Object[] row : rows) {
                Object[] copy = row.clone();
                copy[0] = (Integer) row[0] + c * 100_000;
                out.add(copy);
            }
        }
        return out;
    }

    private static String csvName(String table) {
        return switch (table) {
            case "customer" -> "Customer";
            case "invoice" -> "Invoice";
            case "invoice_line" -> "InvoiceLine";
            default -> throw new IllegalArgumentException(table);
        };
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static final class Expected {
        private long outputs;
        private final Map<String, Long> deadByReason = new TreeMap<>();

        void add(String reason) {
            if (reason == null) {
                outputs++;
            } else {
                deadByReason.merge(reason, 1L, Long::sum);
            }
        }

        long outputs() {
            return outputs;
        }

        Map<String, Long> deadByReason() {
            return deadByReason;
        }

        long total() {
            return outputs + deadByReason.values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
