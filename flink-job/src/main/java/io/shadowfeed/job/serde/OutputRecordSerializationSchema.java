package io.shadowfeed.job.serde;

import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;

/** Writes an {@link OutputRecord} to its table's output topic, with its event time and the spec- and model-version headers. */
public final class OutputRecordSerializationSchema implements KafkaRecordSerializationSchema<OutputRecord> {

    private static final long serialVersionUID = 1L;

    private final String topic;
    private final byte[] specVersion;

    public OutputRecordSerializationSchema(String topic, String specVersion) {
        this.topic = topic;
        this.specVersion = specVersion.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(OutputRecord record, KafkaSinkContext context, Long timestamp) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(ShadowfeedHeaders.SPEC_VERSION, specVersion);
        headers.add(ShadowfeedHeaders.MODEL_VERSION, record.modelVersion.getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(topic, null, record.timestamp, record.key, record.value, headers);
    }
}
