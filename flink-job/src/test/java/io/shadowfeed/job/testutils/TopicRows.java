package io.shadowfeed.job.testutils;

import io.shadowfeed.avro.confluent.ConfluentWireDecoder;
import io.shadowfeed.avro.confluent.ConfluentWireEncoder;
import io.shadowfeed.avro.confluent.DecodeException;
import io.shadowfeed.avro.confluent.RegistryConnection;
import io.shadowfeed.avro.schema.TableSchema;
import io.shadowfeed.job.spec.TableSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Table rows to and from topics in the Confluent wire format, for the synthesis tests. */
public final class TopicRows {

    private TopicRows() {}

    /** Produces rows to the table's input topic, keyed by its key field, and waits for the sends. */
    public static void send(String registryUrl, KafkaProducer<byte[], byte[]> producer, TableSpec table,
            List<Object[]> rows) {
        try (RegistryConnection registry = RegistryConnection.open(registryUrl)) {
            ConfluentWireEncoder encoder = new ConfluentWireEncoder(registry, table.inputTopic() + "-value",
                    table.schema());
            int key = table.schema().indexOf(table.keyField());
            for (Object[] row : rows) {
                producer.send(new ProducerRecord<>(table.inputTopic(),
                        row[key].toString().getBytes(StandardCharsets.UTF_8), encoder.encode(row)));
            }
            producer.flush();
        }
    }

    /** Each output record's fields by name, decoded with the writer schema its wire format names. */
    public static List<Map<String, Object>> decode(String registryUrl, TableSpec table,
            List<ConsumerRecord<byte[], byte[]>> records) throws DecodeException {
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<Integer, ConfluentWireDecoder> decoders = new HashMap<>();
        try (RegistryConnection registry = RegistryConnection.open(registryUrl)) {
            TableSchema schema = table.outputSchema();
            for (ConsumerRecord<byte[], byte[]> record : records) {
                int id = ByteBuffer.wrap(record.value(), 1, 4).getInt();
                ConfluentWireDecoder decoder = decoders.get(id);
                if (decoder == null) {
                    decoder = new ConfluentWireDecoder(registry, registry.schemaById(id));
                    decoders.put(id, decoder);
                }
                Object[] values = decoder.decode(record.value()).values();
                Map<String, Object> row = new HashMap<>();
                for (int i = 0; i < schema.size(); i++) {
                    row.put(schema.field(i).name(), values[i]);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    public static String key(ConsumerRecord<byte[], byte[]> record) {
        return new String(record.key(), StandardCharsets.UTF_8);
    }

    public static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
