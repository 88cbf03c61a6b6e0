package io.shadowfeed.job.classify;

import io.shadowfeed.avro.confluent.ConfluentWireDecoder;
import io.shadowfeed.avro.confluent.DecodeException;
import io.shadowfeed.avro.confluent.RegistryConnection;
import io.shadowfeed.avro.schema.FieldSchema;
import io.shadowfeed.avro.schema.TableSchema;
import io.shadowfeed.job.spec.FieldSpec;
import io.shadowfeed.job.spec.PipelineSpec;
import io.shadowfeed.job.spec.PolicyOrigin;
import io.shadowfeed.job.spec.TableSpec;
import io.shadowfeed.privacy.pii.detect.ColumnClassification;
import io.shadowfeed.privacy.pii.detect.ColumnClassifier;
import io.shadowfeed.privacy.pii.policy.FieldPolicies;
import io.shadowfeed.privacy.pii.policy.PolicyParser;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Decides the {@code auto} fields that the spec could not decide by itself: when the job starts, it reads the first
 * records of the table's input topic, classifies each undecided column from them, and gives it its type's default
 * policy. The decision is made once, on the client, and baked into the job graph, so restarts from a checkpoint keep
 * it. A field with no records to learn from stays dropped (fail closed) until the job is started again with data.
 */
public final class AutoPolicyResolver {

    private static final Logger LOG = LoggerFactory.getLogger(AutoPolicyResolver.class);

    private final PipelineSpec spec;
    private final ColumnClassifier classifier = ColumnClassifier.defaults();
    private final PolicyParser parser;

    private AutoPolicyResolver(PipelineSpec spec) {
        this.spec = spec;
        this.parser = spec.policyParser();
    }

    /** The spec with every {@code auto} field it could classify decided; the same spec if none was pending. */
    public static PipelineSpec resolve(PipelineSpec spec) {
        if (spec.tables().stream().noneMatch(TableSpec::hasPendingFields)) {
            return spec;
        }
        return new AutoPolicyResolver(spec).resolveAll();
    }

    private PipelineSpec resolveAll() {
        List<TableSpec> tables = new ArrayList<>();
        try (RegistryConnection registry = RegistryConnection.open(spec.registryUrl());
             KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            for (TableSpec table : spec.tables()) {
                tables.add(table.hasPendingFields() ? resolve(table, sample(consumer, registry, table)) : table);
            }
        }
        return spec.withTables(tables);
    }

    private TableSpec resolve(TableSpec table, List<Object[]> sample) {
        TableSchema schema = table.schema();
        List<Map<String, String>> rows = new ArrayList<>(sample.size());
        for (Object[] values : sample) {
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < schema.size(); i++) {
                row.put(schema.field(i).name(), text(schema.field(i), values[i]));
            }
            rows.add(row);
        }
        return decide(table, rows, parser, classifier, table.inputTopic());
    }

    /**
     * Decides a table's pending {@code auto} fields from sample rows (field name to text value, null when missing),
     * wherever the sample came from (the input topic here, a CSV for {@code shadowfeed pii apply}). A field without
     * values in the sample stays dropped.
     */
    public static TableSpec decide(TableSpec table, List<Map<String, String>> rows, PolicyParser parser,
                                   ColumnClassifier classifier, String source) {
        List<FieldSpec> fields = new ArrayList<>(table.fields());
        for (int i = 0; i < fields.size(); i++) {
            FieldSpec field = fields.get(i);
            if (field.origin() != PolicyOrigin.PENDING_CLASSIFICATION) {
                continue;
            }
            List<String> values = new ArrayList<>();
            for (Map<String, String> row : rows) {
                String value = row.get(field.name());
                if (value != null) {
                    values.add(value);
                }
            }
            if (values.isEmpty()) {
                LOG.warn("table={} field={} auto: no values to classify from in {}; the field is dropped until the "
                        + "job is started again with data", table.name(), field.name(), source);
                continue;
            }
            ColumnClassification result = classifier.classify(field.name(), values, rows);
            String policy = FieldPolicies.defaultSpecFor(result.type());
            fields.set(i, field.withPolicy(parser.parse(policy), PolicyOrigin.CLASSIFIED));
            // Names, types and counts only: the evidence never carries values.
            LOG.info("table={} field={} auto: {} (confidence {}, {} values; {}) -> {}", table.name(), field.name(),
                    result.type(), String.format("%.2f", result.confidence()), values.size(), result.evidence(),
                    policy);
        }
        return table.withFields(fields);
    }

    private List<Object[]> sample(KafkaConsumer<byte[], byte[]> consumer, RegistryConnection registry,
                                  TableSpec table) {
        ConfluentWireDecoder decoder = new ConfluentWireDecoder(registry, table.avroSchemaJson());
        List<TopicPartition> partitions = consumer.partitionsFor(table.inputTopic()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        List<Object[]> sample = new ArrayList<>();
        long deadline = System.nanoTime() + spec.autoSampleTimeout().toNanos();
        while (sample.size() < spec.autoSampleRecords() && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                try {
                    sample.add(decoder.decode(record.value()).values());
                } catch (DecodeException e) {
                    // The job dead-letters it; it simply does not count toward the sample.
                }
                if (sample.size() >= spec.autoSampleRecords()) {
                    break;
                }
            }
            if (!sample.isEmpty() && reachedEnd(consumer, partitions)) {
                break;
            }
        }
        consumer.unsubscribe();
        return sample;
    }

    private static boolean reachedEnd(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        return partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, spec.bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(spec.autoSampleRecords()));
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Values as the classifier reads them: dates as ISO dates, so birth dates can be recognized. */
    private static String text(FieldSchema field, Object value) {
        if (value == null) {
            return null;
        }
        return switch (field.type()) {
            case TIMESTAMP_MILLIS -> Instant.ofEpochMilli((Long) value).toString();
            case DATE -> LocalDate.ofEpochDay((Integer) value).toString();
            case BYTES -> new String((byte[]) value, StandardCharsets.UTF_8);
            default -> value.toString();
        };
    }
}
