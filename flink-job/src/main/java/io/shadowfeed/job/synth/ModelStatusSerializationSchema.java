package io.shadowfeed.job.synth;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;

/** Model status events as JSON, keyed by table, on the models status topic. */
public final class ModelStatusSerializationSchema implements KafkaRecordSerializationSchema<ModelStatus> {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String topic;

    public ModelStatusSerializationSchema(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(ModelStatus status, KafkaSinkContext context, Long timestamp) {
        try {
            return new ProducerRecord<>(topic, status.table.getBytes(StandardCharsets.UTF_8),
                    JSON.writeValueAsBytes(status));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a model status event", e);
        }
    }
}
