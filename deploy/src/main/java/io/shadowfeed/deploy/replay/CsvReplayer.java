package io.shadowfeed.deploy.replay;

import io.shadowfeed.avro.confluent.ConfluentWireEncoder;
import io.shadowfeed.avro.confluent.RegistryConnection;
import io.shadowfeed.avro.schema.FieldSchema;
import io.shadowfeed.avro.schema.FieldType;
import io.shadowfeed.avro.schema.TableSchema;
import io.shadowfeed.job.TopicProvisioner;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Produces the rows of a CSV to a Kafka topic as Confluent Avro (subject {@code <topic>-value}), in file order, with
 * the key field's value as a UTF-8 key. Optionally paced by rate or by event time, limited, and repeated.
 */
public final class CsvReplayer {

    private static final Logger LOG = LoggerFactory.getLogger(CsvReplayer.class);
    /** Passes after the first replay the encoded records from memory up to this size, instead of re-parsing. */
    private static final long REPEAT_CACHE_BYTES = 512L << 20;
    private static final long RECORD_OVERHEAD_BYTES = 64;
    private static final int PROGRESS_EVERY = 1000;
    private static final long MIN_SLEEP_NANOS = 1_000_000;

    private final Settings settings;

    private CsvReplayer(Settings settings) {
        this.settings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs the replay to the end.
     *
     * @throws CsvConversionException for the first bad row, unless bad rows are skipped
     * @throws CsvFormatException if the file cannot be read as the table
     * @throws ReplayException if Kafka does not acknowledge the records
     */
    public ReplayResult run() {
        TopicProvisioner.ensure(settings.bootstrapServers(), List.of(settings.topic()), settings.partitions());
        try (RegistryConnection registry = RegistryConnection.open(settings.registryUrl());
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties(),
                     new ByteArraySerializer(), new ByteArraySerializer())) {
            ConfluentWireEncoder encoder = new ConfluentWireEncoder(registry, settings.topic() + "-value",
                    settings.schema());
            return new Run(producer, encoder).execute();
        }
    }

    private Properties producerProperties() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, Compression.best());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "shadowfeed-replay-" + settings.topic());
        // Fail a wrong address in seconds rather than Kafka's default minute.
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "15000");
        return props;
    }

    /** The state of one replay. */
    private final class Run {
        private final KafkaProducer<byte[], byte[]> producer;
        private final ConfluentWireEncoder encoder;
        private final Pacer pacer = new Pacer(settings.rate(), settings.speedup());
        private final int keyIndex;
        private final int timeIndex;
        private final FieldType timeType;
        private final AtomicLong acknowledged = new AtomicLong();
        private final AtomicReference<Exception> failure = new AtomicReference<>();
        private List<CachedRecord> cache;
        private long cacheBytes;
        private long sent;
        private long skippedInPass;
        private long skipped;

        Run(KafkaProducer<byte[], byte[]> producer, ConfluentWireEncoder encoder) {
            this.producer = producer;
            this.encoder = encoder;
            TableSchema schema = settings.schema();
            this.keyIndex = settings.keyField() == null ? -1 : schema.indexOf(settings.keyField());
            this.timeIndex = settings.timeField() == null ? -1 : schema.indexOf(settings.timeField());
            this.timeType = timeIndex < 0 ? null : schema.field(timeIndex).type();
            this.cache = settings.repeat() > 1 ? new ArrayList<>() : null;
        }

        ReplayResult execute() {
            ReplayProgress progress = settings.progress();
            progress.start(settings.topic(), settings.expectedRecords());
            long started = System.nanoTime();
            try {
                for (int pass = 0; pass < settings.repeat() && !limitReached(); pass++) {
                    if (pass > 0 && cache != null) {
                        replayCache();
                        skipped += skippedInPass;
                    } else {
                        skippedInPass = 0;
                        replayFile(pass == 0);
                        skipped += skippedInPass;
                    }
                }
                producer.flush();
                rethrowFailure();
                progress.update(sent);
            } finally {
                progress.close();
            }
            long elapsed = System.nanoTime() - started;
            LOG.info("replayed {} records of {} to {} in {} ms", acknowledged.get(), settings.source().name(),
                    settings.topic(), TimeUnit.NANOSECONDS.toMillis(elapsed));
            return ReplayResult.of(settings.topic(), acknowledged.get(), skipped, elapsed);
        }

        private void replayFile(boolean fillCache) {
            try (CsvRecordReader reader = CsvRecordReader.open(settings.source(), settings.schema(),
                    settings.nullValues())) {
                while (!limitReached()) {
                    CsvRow row;
                    try {
                        row = reader.next();
                    } catch (CsvConversionException e) {
                        if (!settings.skipBadRows()) {
                            throw e;
                        }
                        skippedInPass++;
                        LOG.debug("skipped: {}", e.getMessage());
                        continue;
                    }
                    if (row == null) {
                        return;
                    }
                    byte[] value = encode(row);
                    byte[] key = key(row.values());
                    long eventTime = eventTime(row.values());
                    if (fillCache && cache != null) {
                        remember(key, value, eventTime);
                    }
                    send(key, value, eventTime);
                }
            }
        }

        private void replayCache() {
            for (CachedRecord record : cache) {
                if (limitReached()) {
                    return;
                }
                send(record.key(), record.value(), record.eventTime());
            }
        }

        private void send(byte[] key, byte[] value, long eventTime) {
            rethrowFailure();
            if (!pacer.isUnpaced()) {
                long delay = pacer.delayNanos(System.nanoTime(), eventTime == Long.MIN_VALUE ? null : eventTime);
                if (delay >= MIN_SLEEP_NANOS) {
                    LockSupport.parkNanos(delay);
                }
            }
            producer.send(new ProducerRecord<>(settings.topic(), key, value), (metadata, exception) -> {
                if (exception != null) {
                    failure.compareAndSet(null, exception);
                } else {
                    acknowledged.incrementAndGet();
                }
            });
            sent++;
            if (sent % PROGRESS_EVERY == 0 || !pacer.isUnpaced()) {
                settings.progress().update(sent);
            }
        }

        private byte[] encode(CsvRow row) {
            try {
                return encoder.encode(row.values());
            } catch (IllegalArgumentException e) {
                throw new CsvConversionException(settings.source().name(), row.line(), null, e.getMessage());
            }
        }

        private byte[] key(Object[] values) {
            if (keyIndex < 0 || values[keyIndex] == null) {
                return null;
            }
            Object key = values[keyIndex];
            String text = key instanceof byte[] bytes ? Base64.getEncoder().encodeToString(bytes) : key.toString();
            return text.getBytes(StandardCharsets.UTF_8);
        }

        private long eventTime(Object[] values) {
            if (timeIndex < 0 || values[timeIndex] == null) {
                return Long.MIN_VALUE;
            }
            return FieldValueParser.toEpochMillis(timeType, values[timeIndex]);
        }

        private void remember(byte[] key, byte[] value, long eventTime) {
            cacheBytes += value.length + (key == null ? 0 : key.length) + RECORD_OVERHEAD_BYTES;
            if (cacheBytes > REPEAT_CACHE_BYTES) {
                LOG.debug("{} is too large to keep in memory; every pass re-reads it", settings.source().name());
                cache = null;
                return;
            }
            cache.add(new CachedRecord(key, value, eventTime));
        }

        private boolean limitReached() {
            return settings.limit() > 0 && sent >= settings.limit();
        }

        private void rethrowFailure() {
            Exception e = failure.get();
            if (e != null) {
                throw new ReplayException("Kafka did not accept records for " + settings.topic() + ": "
                        + e.getMessage(), e);
            }
        }
    }

    private record CachedRecord(byte[] key, byte[] value, long eventTime) {}

    private record Settings(CsvSource source, TableSchema schema, String keyField, String topic,
                            String bootstrapServers, String registryUrl, int partitions, double rate,
                            String timeField, double speedup, long limit, int repeat, boolean skipBadRows,
                            Set<String> nullValues, ReplayProgress progress, long expectedRecords) {}

    /**
     * Builds a {@link CsvReplayer}: {@code set...} are required (source, schema, topic, bootstrap servers, registry
     * url), {@code opt...} optional.
     */
    public static final class Builder {

        private CsvSource source;
        private TableSchema schema;
        private String keyField;
        private String topic;
        private String bootstrapServers;
        private String registryUrl;
        private int partitions = 1;
        private double rate;
        private String timeField;
        private double speedup;
        private long limit;
        private int repeat = 1;
        private boolean skipBadRows;
        private Set<String> nullValues = Set.of("");
        private ReplayProgress progress = ReplayProgress.none();
        private long expectedRecords = -1;

        private Builder() {}

        public Builder setSource(CsvSource source) {
            this.source = Objects.requireNonNull(source, "source");
            return this;
        }

        /** The table's schema, and its key field (null for unkeyed records). */
        public Builder setTable(TableSchema schema, String keyField) {
            this.schema = Objects.requireNonNull(schema, "schema");
            if (keyField != null && schema.indexOf(keyField) < 0) {
                throw new IllegalArgumentException("key field '" + keyField + "' is not in " + schema.fullName());
            }
            this.keyField = keyField;
            return this;
        }

        public Builder setTopic(String topic) {
            if (topic == null || topic.isBlank()) {
                throw new IllegalArgumentException("topic must not be empty");
            }
            this.topic = topic;
            return this;
        }

        public Builder setBootstrapServers(String servers) {
            this.bootstrapServers = Objects.requireNonNull(servers, "bootstrapServers");
            return this;
        }

        public Builder setRegistryUrl(String url) {
            this.registryUrl = Objects.requireNonNull(url, "registryUrl");
            return this;
        }

        /** Partitions of the topic if it has to be created. Default 1. */
        public Builder optPartitions(int partitions) {
            if (partitions < 1) {
                throw new IllegalArgumentException("partitions must be >= 1. Provided value: " + partitions);
            }
            this.partitions = partitions;
            return this;
        }

        /** At most this many records per second. Default: as fast as Kafka takes them. */
        public Builder optRate(double recordsPerSecond) {
            if (!(recordsPerSecond > 0) || Double.isInfinite(recordsPerSecond)) {
                throw new IllegalArgumentException("rate must be > 0. Provided value: " + recordsPerSecond);
            }
            this.rate = recordsPerSecond;
            return this;
        }

        /** Paces records by the gaps between their event times in {@code field}, {@code speedup} times faster. */
        public Builder optEventTimePacing(String field, double speedup) {
            if (!(speedup > 0) || Double.isInfinite(speedup)) {
                throw new IllegalArgumentException("speedup must be > 0. Provided value: " + speedup);
            }
            this.timeField = Objects.requireNonNull(field, "field");
            this.speedup = speedup;
            return this;
        }

        /** Stop after this many records in all. Default: no limit. */
        public Builder optLimit(long limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be >= 1. Provided value: " + limit);
            }
            this.limit = limit;
            return this;
        }

        /** Replay the file this many times. Default 1. */
        public Builder optRepeat(int repeat) {
            if (repeat < 1) {
                throw new IllegalArgumentException("repeat must be >= 1. Provided value: " + repeat);
            }
            this.repeat = repeat;
            return this;
        }

        /** Skip and count rows that do not convert, instead of failing. Default false. */
        public Builder optSkipBadRows(boolean skip) {
            this.skipBadRows = skip;
            return this;
        }

        /** The texts that mean null. Default: the empty field only. */
        public Builder optNullValues(Set<String> values) {
            this.nullValues = Set.copyOf(values);
            return this;
        }

        /** Where to show progress, and the expected record count for it (-1 if unknown). */
        public Builder optProgress(ReplayProgress progress, long expectedRecords) {
            this.progress = Objects.requireNonNull(progress, "progress");
            this.expectedRecords = expectedRecords;
            return this;
        }

        public CsvReplayer build() {
            if (source == null || schema == null || topic == null || bootstrapServers == null
                    || registryUrl == null) {
                throw new IllegalStateException("source, table, topic, bootstrap servers and registry url are "
                        + "required");
            }
            if (timeField != null) {
                FieldSchema field = schema.field(timeField).orElseThrow(() -> new IllegalArgumentException(
                        "time field '" + timeField + "' is not in " + schema.fullName()));
                if (field.type() != FieldType.TIMESTAMP_MILLIS && field.type() != FieldType.LONG
                        && field.type() != FieldType.DATE) {
                    throw new IllegalArgumentException("time field '" + timeField + "' must be a timestamp, date "
                            + "or long (epoch millis), not " + field.type());
                }
            }
            return new CsvReplayer(new Settings(source, schema, keyField, topic, bootstrapServers, registryUrl,
                    partitions, rate, timeField, speedup, limit, repeat, skipBadRows, nullValues, progress,
                    expectedRecords));
        }
    }
}
