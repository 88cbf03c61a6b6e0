package io.shadowfeed.bench;

import io.shadowfeed.job.serde.RawRecord;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes a raw record's key and value bytes unchanged to one topic. The partition is left to the producer, which
 * hashes the key, exactly as the Shadowfeed job's output serializer does.
 */
final class RawRecordCopySchema implements KafkaRecordSerializationSchema<RawRecord> {

    private static final long serialVersionUID = 1L;

    private final String topic;

    RawRecordCopySchema(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(RawRecord record, KafkaSinkContext context, Long timestamp) {
        return new ProducerRecord<>(topic, null, record.timestamp, record.key, record.value);
    }
}
