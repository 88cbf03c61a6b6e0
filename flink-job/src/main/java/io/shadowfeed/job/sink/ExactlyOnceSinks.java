package io.shadowfeed.job.sink;

import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;

/** Transactional Kafka sinks: records become visible to read_committed consumers when a checkpoint completes. */
public final class ExactlyOnceSinks {

    /**
     * Below the broker's default {@code transaction.max.timeout.ms} (15 min), which the connector's 1 h default
     * exceeds, and well above any checkpoint interval a user would set.
     */
    static final String TRANSACTION_TIMEOUT_MS = "600000";

    private ExactlyOnceSinks() {}

    /**
     * @param transactionalIdPrefix unique per sink across every job writing to the cluster
     */
    public static <T> KafkaSink<T> of(
            String bootstrapServers, String transactionalIdPrefix, KafkaRecordSerializationSchema<T> serializer) {
        return KafkaSink.<T>builder()
                .setBootstrapServers(bootstrapServers)
                .setRecordSerializer(serializer)
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(transactionalIdPrefix)
                .setProperty("transaction.timeout.ms", TRANSACTION_TIMEOUT_MS)
                .setProperty("linger.ms", "20")
                .setProperty("batch.size", "262144")
                .setProperty("compression.type", "lz4")
                .build();
    }
}
