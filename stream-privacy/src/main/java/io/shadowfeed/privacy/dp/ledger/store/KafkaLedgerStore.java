package io.shadowfeed.privacy.dp.ledger.store;

import io.shadowfeed.privacy.dp.ledger.LedgerCorruptedException;
import io.shadowfeed.privacy.dp.ledger.LedgerRecord;
import io.shadowfeed.privacy.dp.ledger.LedgerRecordCodec;
import io.shadowfeed.privacy.dp.ledger.LedgerStore;
import io.shadowfeed.privacy.dp.ledger.LedgerStoreException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Ledger records in the compacted Kafka topic {@value #DEFAULT_TOPIC}, shared by every dataset: key
 * {@code <dataset>/<record id>} (UTF-8), so that compaction, which keeps the last value per key, never drops a
 * record; value the record's JSON line ({@link LedgerRecordCodec}).
 *
 * <p>{@link #open} creates the topic if it is missing (one partition, {@code cleanup.policy=compact}) and refuses
 * one whose policy would delete records. A writable store then starts a transactional producer whose id is derived
 * from the dataset ({@code acks=all}, idempotent): starting it fences any older writer of the same dataset, whose
 * next charge fails, so two ledgers never grant charges against one budget at once. Only then does it read the
 * topic from the beginning to its end (committed records only), so it sees everything the fenced writer committed.
 * {@link #append} commits one record per transaction and returns once the brokers have acknowledged it. A read-only
 * store reads the same way but starts no producer and fences no one.
 */
public final class KafkaLedgerStore implements LedgerStore {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaLedgerStore.class);

    public static final String DEFAULT_TOPIC = "synth.privacy-ledger";

    private final String bootstrapServers;
    private final String topic;
    private final short replicationFactor;
    private final Duration timeout;
    private final boolean writable;
    private final String transactionalIdPrefix;
    private final Map<String, String> clientProperties;

    private KafkaProducer<byte[], byte[]> producer;
    private String dataset;
    private boolean closed;

    private KafkaLedgerStore(Builder builder) {
        this.bootstrapServers = builder.bootstrapServers;
        this.topic = builder.topic;
        this.replicationFactor = builder.replicationFactor;
        this.timeout = builder.timeout;
        this.writable = !builder.readOnly;
        this.transactionalIdPrefix = builder.transactionalIdPrefix;
        this.clientProperties = Map.copyOf(builder.clientProperties);
    }

    public static Builder builder() {
        return new Builder();
    }

    public String topic() {
        return topic;
    }

    @Override
    public synchronized List<LedgerRecord> open(String dataset) {
        Objects.requireNonNull(dataset, "dataset must not be null.");
        if (this.dataset != null || closed) {
            throw new IllegalStateException("the ledger store " + describe() + " was already opened");
        }
        this.dataset = dataset;
        try (Admin admin = Admin.create(properties(Map.of()))) {
            ensureTopic(admin);
        }
        if (writable) {
            startProducer();
        }
        try {
            return readToEnd();
        } catch (RuntimeException e) {
            closeProducer();
            throw e;
        }
    }

    private void startProducer() {
        producer = new KafkaProducer<>(
                properties(Map.of(
                        ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalIdPrefix + dataset,
                        ProducerConfig.ACKS_CONFIG, "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                        ProducerConfig.LINGER_MS_CONFIG, "0",
                        ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(timeout.toMillis()),
                        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(timeout.toMillis()),
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(timeout.toMillis()),
                        ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, Long.toString(timeout.toMillis()))),
                new ByteArraySerializer(),
                new ByteArraySerializer());
        try {
            producer.initTransactions();
        } catch (KafkaException e) {
            closeProducer();
            throw failure("start a writer for dataset '" + dataset + "' on", e);
        }
    }

    @Override
    public void append(LedgerRecord record) {
        Objects.requireNonNull(record, "record must not be null.");
        KafkaProducer<byte[], byte[]> current;
        synchronized (this) {
            if (!writable) {
                throw new LedgerStoreException(describe() + " was opened to read only");
            }
            if (producer == null) {
                throw new IllegalStateException("the ledger store " + describe() + " is not open");
            }
            if (!record.dataset().equals(dataset)) {
                throw new IllegalArgumentException("record of dataset '" + record.dataset() + "' given to the ledger "
                        + "store of dataset '" + dataset + "'");
            }
            current = producer;
        }
        byte[] key = LedgerRecordCodec.key(record).getBytes(StandardCharsets.UTF_8);
        byte[] value = LedgerRecordCodec.encode(record).getBytes(StandardCharsets.UTF_8);
        try {
            current.beginTransaction();
            current.send(new ProducerRecord<>(topic, key, value)).get(timeout.toMillis() + 1_000,
                    TimeUnit.MILLISECONDS);
            current.commitTransaction();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort(current);
            throw new LedgerStoreException("interrupted while writing to " + describe(), e);
        } catch (ExecutionException e) {
            throw writeFailure(current, e.getCause());
        } catch (TimeoutException | KafkaException e) {
            throw writeFailure(current, e);
        }
    }

    private LedgerStoreException writeFailure(KafkaProducer<byte[], byte[]> current, Throwable cause) {
        for (Throwable e = cause; e != null; e = e.getCause()) {
            if (e instanceof ProducerFencedException || e instanceof InvalidProducerEpochException) {
                return new LedgerStoreException("another ledger of dataset '" + dataset + "' was opened on "
                        + describe() + " and took over; this one may no longer charge", cause);
            }
        }
        abort(current);
        return failure("write to", cause);
    }

    private void abort(KafkaProducer<byte[], byte[]> current) {
        try {
            current.abortTransaction();
        } catch (RuntimeException e) {
            LOG.warn("Could not abort the ledger transaction on {}", describe(), e);
        }
    }

    @Override
    public boolean writable() {
        return writable;
    }

    @Override
    public String describe() {
        return "kafka topic '" + topic + "' at " + bootstrapServers;
    }

    @Override
    public synchronized void close() {
        closed = true;
        closeProducer();
    }

    private void closeProducer() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    private void ensureTopic(Admin admin) {
        if (describeTopic(admin).isEmpty()) {
            createTopic(admin);
        }
        String cleanupPolicy = cleanupPolicy(admin);
        if (!cleanupPolicy.equals(TopicConfig.CLEANUP_POLICY_COMPACT)) {
            throw new LedgerStoreException("the ledger topic '" + topic + "' at " + bootstrapServers
                    + " has cleanup.policy=" + cleanupPolicy + "; it must be exactly 'compact', or the broker would "
                    + "delete ledger records and spent budget would be forgotten");
        }
    }

    private Optional<TopicDescription> describeTopic(Admin admin) {
        try {
            return Optional.of(admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Optional.empty();
            }
            throw failure("describe", e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw interruptedOrTimedOut("describe", e);
        }
    }

    private void createTopic(Admin admin) {
        NewTopic newTopic = new NewTopic(topic, 1, replicationFactor)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try {
            admin.createTopics(List.of(newTopic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("Created the privacy ledger topic '{}' (1 partition, cleanup.policy=compact, replication "
                    + "factor {})", topic, replicationFactor);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw failure("create", e.getCause());
            }
        } catch (InterruptedException | TimeoutException e) {
            throw interruptedOrTimedOut("create", e);
        }
    }

    private String cleanupPolicy(Admin admin) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try {
            Config config = admin.describeConfigs(List.of(resource)).all()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(resource);
            return config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
        } catch (ExecutionException e) {
            throw failure("read the configuration of", e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw interruptedOrTimedOut("read the configuration of", e);
        }
    }

    /** Every committed record of this dataset, from the beginning of each partition to its end at this moment. */
    private List<LedgerRecord> readToEnd() {
        long startedAt = System.nanoTime();
        List<LedgerRecord> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                properties(Map.of(
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!reachedEnd(consumer, partitions, end)) {
                if (System.nanoTime() > deadline) {
                    throw new LedgerStoreException("could not read " + describe() + " to its end " + end + " within "
                            + timeout.toMillis() + " ms");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    decode(record).ifPresent(records::add);
                }
            }
            LOG.info("Read {} ledger records of dataset '{}' from {} (end offsets {}) in {} ms", records.size(),
                    dataset, describe(), end, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
            return records;
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new LedgerStoreException("could not reach " + describe() + " within " + timeout.toMillis()
                    + " ms; is the broker running?", e);
        } catch (KafkaException e) {
            throw failure("read", e);
        }
    }

    private boolean reachedEnd(KafkaConsumer<?, ?> consumer, List<TopicPartition> partitions,
            Map<TopicPartition, Long> end) {
        for (TopicPartition partition : partitions) {
            if (consumer.position(partition, timeout) < end.get(partition)) {
                return false;
            }
        }
        return true;
    }

    /** This dataset's record, empty for another dataset's; a record that cannot be read is corruption. */
    private Optional<LedgerRecord> decode(ConsumerRecord<byte[], byte[]> record) {
        String where = "offset " + record.offset() + " of partition " + record.partition() + " of " + describe();
        if (record.key() == null) {
            throw corrupted(where, "a record without a key");
        }
        String key = new String(record.key(), StandardCharsets.UTF_8);
        if (!dataset.equals(LedgerRecordCodec.datasetOfKey(key))) {
            return Optional.empty();
        }
        if (record.value() == null) {
            throw corrupted(where, "a tombstone deletes record '" + key + "'");
        }
        LedgerRecord decoded;
        try {
            decoded = LedgerRecordCodec.decode(new String(record.value(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw corrupted(where, e.getMessage());
        }
        if (!LedgerRecordCodec.key(decoded).equals(key)) {
            throw corrupted(where, "key '" + key + "' holds record '" + LedgerRecordCodec.key(decoded) + "'");
        }
        return Optional.of(decoded);
    }

    private LedgerCorruptedException corrupted(String where, String reason) {
        return new LedgerCorruptedException("the ledger of dataset '" + dataset + "' is corrupt at " + where + ": "
                + reason + ". Nothing was changed; investigate the topic before charging again");
    }

    private Properties properties(Map<String, String> specific) {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(timeout.toMillis()));
        props.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(timeout.toMillis()));
        props.putAll(specific);
        return props;
    }

    private LedgerStoreException failure(String action, Throwable cause) {
        if (cause instanceof org.apache.kafka.common.errors.TimeoutException || cause instanceof TimeoutException) {
            return new LedgerStoreException("could not " + action + " the ledger topic '" + topic + "' at "
                    + bootstrapServers + " within " + timeout.toMillis() + " ms; is the broker running? ("
                    + cause.getMessage() + ")", cause);
        }
        return new LedgerStoreException("could not " + action + " the ledger topic '" + topic + "' at "
                + bootstrapServers + ": " + cause, cause);
    }

    private LedgerStoreException interruptedOrTimedOut(String action, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new LedgerStoreException("interrupted while trying to " + action + " " + describe(), e);
        }
        return failure(action, e);
    }

    /** Builds a {@link KafkaLedgerStore}: {@code setX} for required settings, {@code optX} for optional ones. */
    public static final class Builder {
        private String bootstrapServers;
        private String topic = DEFAULT_TOPIC;
        private short replicationFactor = 1;
        private Duration timeout = Duration.ofSeconds(30);
        private boolean readOnly;
        private String transactionalIdPrefix = "shadowfeed-privacy-ledger-";
        private final Map<String, String> clientProperties = new LinkedHashMap<>();

        private Builder() {}

        /** The brokers, e.g. {@code localhost:9092}. Required. */
        public Builder setBootstrapServers(String bootstrapServers) {
            if (bootstrapServers == null || bootstrapServers.isBlank()) {
                throw new IllegalArgumentException(
                        "bootstrapServers must not be blank. Provided value: " + bootstrapServers);
            }
            this.bootstrapServers = bootstrapServers.trim();
            return this;
        }

        /** The compacted topic of the ledgers; default {@value #DEFAULT_TOPIC}. */
        public Builder optTopic(String topic) {
            if (topic == null || topic.isBlank() || topic.length() > 249 || !topic.matches("[a-zA-Z0-9._-]+")) {
                throw new IllegalArgumentException("topic must be a valid Kafka topic name (letters, digits, '.', "
                        + "'_', '-', at most 249 characters). Provided value: " + topic);
            }
            this.topic = topic;
            return this;
        }

        /** The replication factor used when the topic has to be created; default 1 (use 3 in production). */
        public Builder optReplicationFactor(int replicationFactor) {
            if (replicationFactor < 1 || replicationFactor > Short.MAX_VALUE) {
                throw new IllegalArgumentException(
                        "replicationFactor must be at least 1. Provided value: " + replicationFactor);
            }
            this.replicationFactor = (short) replicationFactor;
            return this;
        }

        /** How long to wait for the brokers on open and on each write; default 30 s. */
        public Builder optTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()
                    || timeout.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("timeout must be positive. Provided value: " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** Only read: start no producer, fence no writer, refuse appends. Default false. */
        public Builder optReadOnly(boolean readOnly) {
            this.readOnly = readOnly;
            return this;
        }

        /**
         * The start of the transactional id, to which the dataset is appended; default
         * {@code shadowfeed-privacy-ledger-}. Writers of one dataset must share it to fence each other.
         */
        public Builder optTransactionalIdPrefix(String prefix) {
            if (prefix == null || prefix.isBlank()) {
                throw new IllegalArgumentException("transactional id prefix must not be blank. Provided value: "
                        + prefix);
            }
            this.transactionalIdPrefix = prefix;
            return this;
        }

        /** A Kafka client setting (security, SASL, ...) given to the admin client, consumer and producer. */
        public Builder optClientProperty(String key, String value) {
            if (key == null || key.isBlank() || value == null) {
                throw new IllegalArgumentException("client property key and value must be set. Provided value: "
                        + key + "=" + value);
            }
            if (key.equals(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
                throw new IllegalArgumentException("set bootstrap.servers with setBootstrapServers");
            }
            clientProperties.put(key, value);
            return this;
        }

        public KafkaLedgerStore build() {
            if (bootstrapServers == null) {
                throw new IllegalStateException("bootstrapServers must be set (setBootstrapServers)");
            }
            return new KafkaLedgerStore(this);
        }
    }
}
