package io.shadowfeed.job.source;

import io.shadowfeed.job.serde.RawRecord;
import io.shadowfeed.job.serde.RawRecordDeserializationSchema;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/** Kafka sources of raw tables: bytes only, read-committed, resuming from the group's committed offsets. */
public final class RawSources {

    private RawSources() {}

    /**
     * @param bounded stop at the offsets that are latest when the job starts (demo, tests, benchmarks)
     */
    @SuppressWarnings("deprecation") // OffsetResetStrategy is what the connector's public API takes in 5.0.0
    public static KafkaSource<RawRecord> of(String bootstrapServers, String topic, String groupId, boolean bounded) {
        KafkaSourceBuilder<RawRecord> builder = KafkaSource.<RawRecord>builder()
                .setBootstrapServers(bootstrapServers)
                .setTopics(topic)
                .setGroupId(groupId)
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new RawRecordDeserializationSchema())
                .setProperty("isolation.level", "read_committed")
                .setProperty("commit.offsets.on.checkpoint", "true")
                .setProperty("client.id.prefix", groupId + "-" + topic);
        if (bounded) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        return builder.build();
    }
}
