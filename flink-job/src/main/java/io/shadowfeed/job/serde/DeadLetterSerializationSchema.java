package io.shadowfeed.job.serde;

import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;

/**
 * Writes a dead letter with its original key and value bytes untouched and the reason and source coordinates as
 * headers, the convention Kafka Connect's dead-letter queues use, so existing tools can replay them.
 */
public final class DeadLetterSerializationSchema implements KafkaRecordSerializationSchema<DeadLetter> {

    private static final long serialVersionUID = 1L;

    private final String topic;

    public DeadLetterSerializationSchema(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(DeadLetter letter, KafkaSinkContext context, Long timestamp) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(ShadowfeedHeaders.REASON, utf8(letter.reason));
        headers.add(ShadowfeedHeaders.DETAIL, utf8(letter.detail));
        headers.add(ShadowfeedHeaders.TABLE, utf8(letter.table));
        headers.add(ShadowfeedHeaders.SOURCE_TOPIC, utf8(letter.sourceTopic));
        headers.add(ShadowfeedHeaders.SOURCE_PARTITION, utf8(Integer.toString(letter.sourcePartition)));
        headers.add(ShadowfeedHeaders.SOURCE_OFFSET, utf8(Long.toString(letter.sourceOffset)));
        headers.add(ShadowfeedHeaders.SOURCE_TIMESTAMP, utf8(Long.toString(letter.sourceTimestamp)));
        return new ProducerRecord<>(topic, null, letter.sourceTimestamp, letter.key, letter.value, headers);
    }

    private static byte[] utf8(String text) {
        return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
    }
}
