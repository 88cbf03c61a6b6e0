package io.shadowfeed.avro.registry.store;

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
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Keeps the registry's records in a compacted Kafka topic ({@code _schemas} by default, one partition), in the
 * record format of Confluent Schema Registry, so that ids and versions survive restarts.
 *
 * <p>{@link #start} creates the topic if it is missing (one partition, {@code cleanup.policy=compact}) and reads it
 * to its end; {@link #append} produces synchronously with {@code acks=all} and an idempotent producer. One registry
 * writes the topic at a time.
 */
public final class KafkaSchemaStore implements SchemaStore {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaSchemaStore.class);

    public static final String DEFAULT_TOPIC = "_schemas";

    private final String bootstrapServers;
    private final String topic;
    private final short replicationFactor;
    private final Duration timeout;
    private final Map<String, String> clientProperties;

    private KafkaProducer<byte[], byte[]> producer;
    private boolean closed;

    private KafkaSchemaStore(Builder builder) {
        this.bootstrapServers = builder.bootstrapServers;
        this.topic = builder.topic;
        this.replicationFactor = builder.replicationFactor;
        this.timeout = builder.timeout;
        this.clientProperties = Map.copyOf(builder.clientProperties);
    }

    public static Builder builder() {
        return new Builder();
    }

    public String topic() {
        return topic;
    }

    @Override
    public synchronized void start(Consumer<StoreRecord> replay) {
        Objects.requireNonNull(replay, "replay");
        if (producer != null || closed) {
            throw new IllegalStateException("the store " + describe() + " was already started");
        }
        try (Admin admin = Admin.create(properties(Map.of()))) {
            ensureTopic(admin);
        }
        readToEnd(replay);
        producer = new KafkaProducer<>(
                properties(Map.of(
                        ProducerConfig.ACKS_CONFIG, "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                        ProducerConfig.LINGER_MS_CONFIG, "0",
                        ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(timeout.toMillis()),
                        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(timeout.toMillis()),
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(timeout.toMillis()))),
                new ByteArraySerializer(),
                new ByteArraySerializer());
    }

    @Override
    public void append(StoreRecord record) {
        Objects.requireNonNull(record, "record");
        KafkaProducer<byte[], byte[]> current;
        synchronized (this) {
            if (producer == null) {
                throw new IllegalStateException("the store " + describe() + " is not started");
            }
            current = producer;
        }
        ConfluentRecordCodec.Encoded encoded = ConfluentRecordCodec.encode(record);
        Future<?> sent = current.send(new ProducerRecord<>(topic, 0, encoded.key(), encoded.value()));
        try {
            sent.get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryStoreException("interrupted while writing to " + describe(), e);
        } catch (ExecutionException e) {
            throw new RegistryStoreException("could not write to " + describe() + ": " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new RegistryStoreException(
                    "could not write to " + describe() + " within " + timeout.toMillis() + " ms", e);
        }
    }

    @Override
    public String describe() {
        return "kafka topic '" + topic + "' at " + bootstrapServers;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    private void ensureTopic(Admin admin) {
        Optional<TopicDescription> existing = describeTopic(admin);
        if (existing.isEmpty()) {
            createTopic(admin);
            return;
        }
        int partitions = existing.get().partitions().size();
        if (partitions != 1) {
            throw new RegistryStoreException("the schema topic '" + topic + "' at " + bootstrapServers + " has "
                    + partitions + " partitions; it must have exactly 1 so that records keep their order");
        }
        String cleanupPolicy = cleanupPolicy(admin);
        if (!cleanupPolicy.contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
            throw new RegistryStoreException("the schema topic '" + topic + "' at " + bootstrapServers
                    + " has cleanup.policy=" + cleanupPolicy + "; it must be 'compact' or schemas would expire");
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
            LOG.info("Created schema topic '{}' (1 partition, cleanup.policy=compact, replication factor {})",
                    topic, replicationFactor);
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

    private void readToEnd(Consumer<StoreRecord> replay) {
        long startedAt = System.nanoTime();
        TopicPartition partition = new TopicPartition(topic, 0);
        int applied = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                properties(Map.of(
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), timeout).get(partition);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (consumer.position(partition, timeout) < end) {
                if (System.nanoTime() > deadline) {
                    throw new RegistryStoreException("could not read " + describe() + " to its end (offset " + end
                            + ") within " + timeout.toMillis() + " ms");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Optional<StoreRecord> decoded = decode(record);
                    if (decoded.isPresent()) {
                        replay.accept(decoded.get());
                        applied++;
                    }
                }
            }
            LOG.info("Read {} schema registry records from {} (end offset {}) in {} ms",
                    applied, describe(), end, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new RegistryStoreException("could not reach " + describe() + " within " + timeout.toMillis()
                    + " ms; is the broker running?", e);
        }
    }

    private Optional<StoreRecord> decode(ConsumerRecord<byte[], byte[]> record) {
        try {
            return ConfluentRecordCodec.decode(record.key(), record.value());
        } catch (IllegalArgumentException e) {
            throw new RegistryStoreException("unreadable record at offset " + record.offset() + " of " + describe()
                    + ": " + e.getMessage(), e);
        }
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

    private RegistryStoreException failure(String action, Throwable cause) {
        if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
            return new RegistryStoreException("could not " + action + " the schema topic '" + topic + "' at "
                    + bootstrapServers + " within " + timeout.toMillis() + " ms; is the broker running? ("
                    + cause.getMessage() + ")", cause);
        }
        return new RegistryStoreException(
                "could not " + action + " the schema topic '" + topic + "' at " + bootstrapServers + ": " + cause,
                cause);
    }

    private RegistryStoreException interruptedOrTimedOut(String action, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new RegistryStoreException("interrupted while trying to " + action + " " + describe(), e);
        }
        return new RegistryStoreException("could not " + action + " the schema topic '" + topic + "' at "
                + bootstrapServers + " within " + timeout.toMillis() + " ms; is the broker running?", e);
    }

    /** Builds a {@link KafkaSchemaStore}: {@code setX} for required settings, {@code optX} for optional ones. */
    public static final class Builder {

        private String bootstrapServers;
        private String topic = DEFAULT_TOPIC;
        private short replicationFactor = 1;
        private Duration timeout = Duration.ofSeconds(30);
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

        /** The compacted topic that holds the records; default {@value #DEFAULT_TOPIC}. */
        public Builder optTopic(String topic) {
            if (topic == null || topic.isBlank() || topic.length() > 249 || !topic.matches("[a-zA-Z0-9._-]+")) {
                throw new IllegalArgumentException("topic must be a valid Kafka topic name (letters, digits, '.', "
                        + "'_', '-', at most 249 characters). Provided value: " + topic);
            }
            this.topic = topic;
            return this;
        }

        /** The replication factor used when the topic has to be created; default 1. */
        public Builder optReplicationFactor(int replicationFactor) {
            if (replicationFactor < 1 || replicationFactor > Short.MAX_VALUE) {
                throw new IllegalArgumentException(
                        "replicationFactor must be at least 1. Provided value: " + replicationFactor);
            }
            this.replicationFactor = (short) replicationFactor;
            return this;
        }

        /** How long to wait for the broker on start and on each write; default 30 s. */
        public Builder optTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("timeout must be positive. Provided value: " + timeout);
            }
            this.timeout = timeout;
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

        public KafkaSchemaStore build() {
            if (bootstrapServers == null) {
                throw new IllegalStateException("bootstrapServers must be set (setBootstrapServers)");
            }
            return new KafkaSchemaStore(this);
        }
    }
}
