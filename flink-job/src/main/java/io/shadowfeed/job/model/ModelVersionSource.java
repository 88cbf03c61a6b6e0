package io.shadowfeed.job.model;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The models topic as a source: read from the beginning on every fresh start (compaction leaves each table's newest
 * version), then followed. An event that is not a model version is logged and skipped: a bad control event must not
 * stop the data.
 */
public final class ModelVersionSource {

    private ModelVersionSource() {}

    public static KafkaSource<ModelVersion> of(String bootstrapServers, String topic, String groupId, boolean bounded) {
        KafkaSourceBuilder<ModelVersion> builder = KafkaSource.<ModelVersion>builder()
                .setBootstrapServers(bootstrapServers)
                .setTopics(topic)
                .setGroupId(groupId)
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setDeserializer(new Deserializer())
                .setProperty("client.id.prefix", groupId + "-" + topic);
        if (bounded) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        return builder.build();
    }

    static final class Deserializer implements KafkaRecordDeserializationSchema<ModelVersion> {

        private static final long serialVersionUID = 1L;
        private static final Logger LOG = LoggerFactory.getLogger(Deserializer.class);

        @Override
        public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<ModelVersion> out) {
            try {
                out.collect(ModelVersionJson.decode(record.value()));
            } catch (IllegalArgumentException e) {
                LOG.warn("skipped event at {}-{} offset {}: {}", record.topic(), record.partition(), record.offset(),
                        e.getMessage());
            }
        }

        @Override
        public TypeInformation<ModelVersion> getProducedType() {
            return TypeInformation.of(ModelVersion.class);
        }
    }
}
