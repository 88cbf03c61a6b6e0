package io.shadowfeed.job.model;

import io.shadowfeed.job.TopicProvisioner;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes model versions to the models topic, keyed by table (so compaction keeps each table's newest), creating
 * the topic compacted when it is missing. {@link #publish} returns once the broker has acknowledged the event.
 */
public final class ModelVersionPublisher implements AutoCloseable {

    private final String topic;
    private final KafkaProducer<byte[], byte[]> producer;

    private ModelVersionPublisher(String bootstrapServers, String topic) {
        this.topic = topic;
        TopicProvisioner.ensureCompacted(bootstrapServers, List.of(topic));
        Properties properties = new Properties();
        properties.putAll(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000",
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000"));
        this.producer = new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
    }

    public static ModelVersionPublisher open(String bootstrapServers, String topic) {
        return new ModelVersionPublisher(bootstrapServers, topic);
    }

    /** @throws ModelPublishException when the broker does not acknowledge the event within 30 s */
    public void publish(ModelVersion event) {
        try {
            producer.send(new ProducerRecord<>(topic, event.table().getBytes(StandardCharsets.UTF_8),
                    ModelVersionJson.encode(event))).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelPublishException("interrupted while publishing " + event.label() + " to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new ModelPublishException("cannot publish " + event.label() + " to " + topic + ": "
                    + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()), e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
