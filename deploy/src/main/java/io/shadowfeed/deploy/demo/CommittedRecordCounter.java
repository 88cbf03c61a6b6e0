package io.shadowfeed.deploy.demo;

import io.shadowfeed.job.serde.ShadowfeedHeaders;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts the committed records of some topics as they appear, with a read_committed consumer on its own thread:
 * what a downstream consumer of the job's exactly-once output would see. Dead letters are counted per table, by the
 * job's table header.
 */
final class CommittedRecordCounter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CommittedRecordCounter.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final long PARTITION_REFRESH_NANOS = 1_000_000_000L;

    private final List<String> topics;
    private final String deadLetterTopic;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, Long> perTopic = new ConcurrentHashMap<>();
    private final Map<String, Long> deadLettersPerTable = new ConcurrentHashMap<>();
    private final Set<TopicPartition> assigned = new HashSet<>();
    private final Thread thread;
    private volatile Throwable failure;
    private volatile boolean running = true;

    CommittedRecordCounter(String bootstrapServers, Collection<String> topics, String deadLetterTopic) {
        this.topics = new ArrayList<>(topics);
        this.topics.add(deadLetterTopic);
        this.deadLetterTopic = deadLetterTopic;
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "shadowfeed-demo-counter");
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this::run, "shadowfeed-demo-counter");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    long committed(String topic) {
        rethrow();
        return perTopic.getOrDefault(topic, 0L);
    }

    long deadLetters(String table) {
        rethrow();
        return deadLettersPerTable.getOrDefault(table, 0L);
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        long lastRefresh = 0;
        try (consumer) {
            while (running) {
                if (System.nanoTime() - lastRefresh > PARTITION_REFRESH_NANOS) {
                    refreshAssignment();
                    lastRefresh = System.nanoTime();
                }
                if (assigned.isEmpty()) {
                    Thread.sleep(POLL.toMillis());
                    continue;
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    perTopic.merge(record.topic(), 1L, Long::sum);
                    if (record.topic().equals(deadLetterTopic)) {
                        deadLettersPerTable.merge(table(record), 1L, Long::sum);
                    }
                }
            }
        } catch (WakeupException e) {
            if (running) {
                failure = e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.debug("counting committed records failed", e);
            failure = e;
        }
    }

    /** Output topics appear when the job creates them; pick up their partitions from the start. */
    private void refreshAssignment() {
        Set<TopicPartition> current = new HashSet<>(assigned);
        for (String topic : topics) {
            List<PartitionInfo> partitions;
            try {
                partitions = consumer.partitionsFor(topic, Duration.ofSeconds(2));
            } catch (org.apache.kafka.common.errors.TimeoutException slow) {
                LOG.debug("no metadata for {} yet: {}", topic, slow.getMessage());
                continue; // asked again at the next refresh
            }
            for (PartitionInfo info : partitions == null ? List.<PartitionInfo>of() : partitions) {
                current.add(new TopicPartition(topic, info.partition()));
            }
        }
        if (current.size() == assigned.size()) {
            return;
        }
        Set<TopicPartition> added = new HashSet<>(current);
        added.removeAll(assigned);
        consumer.assign(current);
        consumer.seekToBeginning(added);
        assigned.clear();
        assigned.addAll(current);
    }

    private static String table(ConsumerRecord<byte[], byte[]> record) {
        Header header = record.headers().lastHeader(ShadowfeedHeaders.TABLE);
        return header == null ? "(unknown)" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private void rethrow() {
        Throwable e = failure;
        if (e != null) {
            throw new DemoFailedException("cannot count the output records: " + e.getMessage(), e);
        }
    }
}
