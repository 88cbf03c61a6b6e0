package io.shadowfeed.bench;

import io.shadowfeed.job.serde.ShadowfeedHeaders;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * What a topic holds for read-committed consumers, read to its end: the record count, the first and last broker
 * append times, byte totals, and order-independent checksums of the keys and of the values (a sum of per-record
 * CRCs, so two topics with the same records in any order or partitioning have the same checksums, while a lost or
 * duplicated record changes them).
 *
 * @param firstAppendMillis the smallest record timestamp, or -1 if empty
 * @param lastAppendMillis the largest record timestamp, or -1 if empty
 * @param logAppendTime whether every record carries a LogAppendTime timestamp
 * @param deadLetterReasons per dead-letter reason header, how many records carry it (empty for other topics)
 * @param deadLetterExamples per reason, the detail header of its first record
 */
record TopicContents(String topic, long records, long firstAppendMillis, long lastAppendMillis, long keyBytes,
                     long valueBytes, long keyChecksum, long valueChecksum, boolean logAppendTime,
                     Map<String, Long> deadLetterReasons, Map<String, String> deadLetterExamples) {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(3);

    /** Reads every committed record of the topic (all partitions, from the beginning). */
    static TopicContents read(String bootstrapServers, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "10000");
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(64 << 20));
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(16 << 20));
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "bench-verify-" + topic);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist");
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // For a read_committed consumer this is the last stable offset: everything committed so far.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);

            Accumulator acc = new Accumulator();
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (!reachedEnd(consumer, partitions, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end " + end + " within "
                            + READ_TIMEOUT.toSeconds() + " s");
                }
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(POLL);
                for (ConsumerRecord<byte[], byte[]> record : batch) {
                    acc.add(record);
                }
            }
            return acc.result(topic);
        }
    }

    private static boolean reachedEnd(KafkaConsumer<?, ?> consumer, List<TopicPartition> partitions,
                                      Map<TopicPartition, Long> end) {
        for (TopicPartition partition : partitions) {
            if (consumer.position(partition) < end.get(partition)) {
                return false;
            }
        }
        return true;
    }

    /** Sums over the records of a topic. */
    private static final class Accumulator {
        private final CRC32C crc = new CRC32C();
        private long records;
        private long first = Long.MAX_VALUE;
        private long last = Long.MIN_VALUE;
        private long keyBytes;
        private long valueBytes;
        private long keyChecksum;
        private long valueChecksum;
        private boolean logAppendTime = true;
        private final Map<String, Long> reasons = new TreeMap<>();
        private final Map<String, String> examples = new TreeMap<>();

        void add(ConsumerRecord<byte[], byte[]> record) {
            records++;
            first = Math.min(first, record.timestamp());
            last = Math.max(last, record.timestamp());
            logAppendTime &= record.timestampType() == TimestampType.LOG_APPEND_TIME;
            keyBytes += record.key() == null ? 0 : record.key().length;
            valueBytes += record.value() == null ? 0 : record.value().length;
            keyChecksum += hash(record.key());
            valueChecksum += hash(record.value());
            Header reason = record.headers().lastHeader(ShadowfeedHeaders.REASON);
            if (reason != null) {
                String name = new String(reason.value(), StandardCharsets.UTF_8);
                reasons.merge(name, 1L, Long::sum);
                Header detail = record.headers().lastHeader(ShadowfeedHeaders.DETAIL);
                examples.putIfAbsent(name, detail == null ? "" : new String(detail.value(), StandardCharsets.UTF_8));
            }
        }

        private long hash(byte[] bytes) {
            if (bytes == null) {
                return 0x9E3779B97F4A7C15L;
            }
            crc.reset();
            crc.update(bytes);
            // Spread the 32-bit CRC and the length over 64 bits, so sums of many records rarely collide.
            long h = (crc.getValue() << 32) ^ bytes.length;
            h ^= h >>> 33;
            h *= 0xff51afd7ed558ccdL;
            h ^= h >>> 33;
            return h;
        }

        TopicContents result(String topic) {
            boolean empty = records == 0;
            return new TopicContents(topic, records, empty ? -1 : first, empty ? -1 : last, keyBytes, valueBytes,
                    keyChecksum, valueChecksum, logAppendTime, Map.copyOf(reasons), Map.copyOf(examples));
        }
    }
}
