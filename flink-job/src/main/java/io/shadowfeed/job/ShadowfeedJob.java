package io.shadowfeed.job;

import io.shadowfeed.job.classify.AutoPolicyResolver;
import io.shadowfeed.job.link.ParentAnnouncement;
import io.shadowfeed.job.link.ParentLinkOperator;
import io.shadowfeed.job.model.ModelVersion;
import io.shadowfeed.job.model.ModelVersionSource;
import io.shadowfeed.job.spec.ForeignKeySpec;
import io.shadowfeed.job.spec.OrphanPolicy;
import io.shadowfeed.job.spec.ServingSpec;
import io.shadowfeed.job.spec.SpecException;
import io.shadowfeed.job.spec.TableOrder;
import io.shadowfeed.job.synth.ModelLoadException;
import io.shadowfeed.job.synth.ModelLoader;
import io.shadowfeed.trainer.artifact.ArtifactException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.shadowfeed.job.synth.ModelStatus;
import io.shadowfeed.job.synth.ModelStatusSerializationSchema;
import io.shadowfeed.job.synth.SynthesizeOperator;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.api.java.typeutils.EitherTypeInfo;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.types.Either;
import org.apache.flink.util.OutputTag;
import java.util.LinkedHashMap;
import io.shadowfeed.job.operator.DeadLetters;
import io.shadowfeed.job.operator.DecodeFunction;
import io.shadowfeed.job.operator.EncodeFunction;
import io.shadowfeed.job.operator.SanitizeFunction;
import io.shadowfeed.job.serde.DeadLetter;
import io.shadowfeed.job.serde.DeadLetterSerializationSchema;
import io.shadowfeed.job.serde.OutputRecord;
import io.shadowfeed.job.serde.OutputRecordSerializationSchema;
import io.shadowfeed.job.serde.RawRecord;
import io.shadowfeed.job.serde.TableRows;
import io.shadowfeed.job.sink.ExactlyOnceSinks;
import io.shadowfeed.job.source.RawSources;
import io.shadowfeed.job.spec.PipelineSpec;
import io.shadowfeed.job.spec.PipelineSpecLoader;
import io.shadowfeed.job.spec.TableSpec;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.types.Row;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Shadowfeed streaming job. Per table: raw Kafka bytes -> decode + validate (dead letters on the side) ->
 * watermarks from the event-time field -> sanitize by policy -> linkage to each parent -> synthesis from the served
 * model -> encode -> exactly-once Kafka sink ({@link Graph}). The dead letters of every table go to one exactly-once
 * sink in the raw zone.
 *
 * <p>Every operator has a stable uid derived from the table name, so savepoints survive changes to the graph.
 */
public final class ShadowfeedJob {

    private static final Logger LOG = LoggerFactory.getLogger(ShadowfeedJob.class);

    private final PipelineSpec spec;
    private final boolean bounded;

    private ShadowfeedJob(PipelineSpec spec, boolean bounded) {
        this.spec = spec;
        this.bounded = bounded;
    }

    public static Builder builder() {
        return new Builder();
    }

    public PipelineSpec spec() {
        return spec;
    }

    public String jobName() {
        return "shadowfeed: " + spec.name();
    }

    /**
     * Creates missing topics, decides the {@code auto} fields from the first input records, configures checkpointing
     * and state, and adds the job's graph to the environment.
     */
    public void addTo(StreamExecutionEnvironment env) {
        provisionTopics();
        PipelineSpec spec = AutoPolicyResolver.resolve(this.spec);
        env.enableCheckpointing(spec.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
        env.configure(stateConfiguration(spec.serving()));
        // Chained operators then hand records over without a serializer copy (18-21% of the job's throughput,
        // docs/BENCHMARKS.md). Safe here: every operator emits a new object or a row it owns, and keeps no reference
        // to its input beyond the record it emits.
        env.getConfig().enableObjectReuse();
        env.setParallelism(spec.parallelism());
        new Graph(env, spec).build();
    }

    /** The state backend and checkpoint directory the spec asks for; the rest stays Flink's configuration. */
    static Configuration stateConfiguration(ServingSpec serving) {
        Configuration configuration = new Configuration();
        configuration.set(StateBackendOptions.STATE_BACKEND, serving.stateBackend());
        if (serving.checkpointDirectory() != null) {
            configuration.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, serving.checkpointDirectory());
        }
        return configuration;
    }

    public JobExecutionResult execute(StreamExecutionEnvironment env) throws Exception {
        addTo(env);
        return env.execute(jobName());
    }

    public JobClient executeAsync(StreamExecutionEnvironment env) throws Exception {
        addTo(env);
        return env.executeAsync(jobName());
    }

    /**
     * The job's graph. Per table, parents first: decode + validate -> event time -> sanitize -> one linkage stage per
     * parent (keyed by the parent's output key; waits for the synthetic parent) -> synthesize (micro-batched
     * generator; keyed by the table's own key when it keeps stable attributes) -> encode -> exactly-once sink. Each
     * synthesis announces its rows to its children's linkage; parents made on demand for orphans join their table's
     * output before its encoder. Model versions reach every linkage and synthesis as a broadcast.
     */
    private final class Graph {
        private final StreamExecutionEnvironment env;
        private final PipelineSpec spec;
        private final DataStream<ModelVersion> models;
        private final OutputTag<ModelStatus> statusTag =
                new OutputTag<>("model-status", TypeInformation.of(ModelStatus.class));
        private final Map<String, DataStream<ParentAnnouncement>> announcements = new HashMap<>();
        private final Map<String, List<DataStream<Row>>> outputs = new LinkedHashMap<>();
        private final List<DataStream<DeadLetter>> deadLetters = new ArrayList<>();
        private final List<DataStream<ModelStatus>> statuses = new ArrayList<>();
        private final ModelLoader loader;
        private final Map<String, Optional<ModelVersion>> initialVersions = new HashMap<>();

        Graph(StreamExecutionEnvironment env, PipelineSpec spec) {
            this.env = env;
            this.spec = spec;
            this.loader = new ModelLoader(spec.serving());
            this.models = env.fromSource(ModelVersionSource.of(spec.bootstrapServers(), spec.serving().modelsTopic(),
                                    groupId() + "-models", bounded),
                            WatermarkStrategy.noWatermarks(), "Kafka " + spec.serving().modelsTopic())
                    .uid("source-models")
                    .setParallelism(1)
                    .broadcast();
        }

        void build() {
            for (TableSpec table : TableOrder.parentsFirst(spec.tables(), SpecException::new)) {
                addTable(table);
            }
            for (TableSpec table : spec.tables()) {
                addSink(table);
            }
            union(deadLetters)
                    .sinkTo(ExactlyOnceSinks.of(spec.bootstrapServers(), transactionalIdPrefix("dlq"),
                            new DeadLetterSerializationSchema(spec.deadLetterTopic())))
                    .uid("sink-dead-letters")
                    .name("Dead letters -> " + spec.deadLetterTopic());
            union(statuses)
                    .sinkTo(KafkaSink.<ModelStatus>builder()
                            .setBootstrapServers(spec.bootstrapServers())
                            .setRecordSerializer(new ModelStatusSerializationSchema(statusTopic()))
                            .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                            .build())
                    .uid("sink-model-status")
                    .name("Model status -> " + statusTopic());
        }

        private void addTable(TableSpec table) {
            String t = table.name();
            RowTypeInfo inputRows = TableRows.typeOf(table.schema());
            RowTypeInfo outputRows = TableRows.typeOf(table.outputSchema());
            int eventTime = TableRows.eventTimePosition(table.schema());

            SingleOutputStreamOperator<Row> decoded = env
                    .fromSource(RawSources.of(spec.bootstrapServers(), table.inputTopic(), groupId(), bounded),
                            WatermarkStrategy.noWatermarks(), "Kafka " + table.inputTopic())
                    .uid("source-" + t)
                    .process(new DecodeFunction(table, spec.registryUrl(), spec.maxRecordBytes()), inputRows)
                    .uid("decode-" + t)
                    .name("Decode + validate " + t);
            deadLetters.add(decoded.getSideOutput(DeadLetters.TAG));

            DataStream<Row> rows = decoded
                    .assignTimestampsAndWatermarks(WatermarkStrategy
                            .<Row>forBoundedOutOfOrderness(spec.maxOutOfOrderness())
                            .withTimestampAssigner((row, previous) -> (Long) row.getField(eventTime))
                            // An idle table (customers that stopped changing) must not hold back its children's
                            // parent-wait timers.
                            .withIdleness(spec.maxOutOfOrderness().multipliedBy(2)))
                    .uid("watermarks-" + t)
                    .name("Event time " + t)
                    .map(new SanitizeFunction(table), outputRows)
                    .uid("sanitize-" + t)
                    .name("Sanitize " + t);

            for (ForeignKeySpec fk : table.parentKeys()) {
                rows = link(table, fk, rows, outputRows);
            }

            ModelVersion initial = initialVersion(table);
            boolean stable = spec.stableAttributes(table);
            OutputTag<ParentAnnouncement> announced = spec.isReferenced(table)
                    ? new OutputTag<>("announce-" + t, ParentAnnouncement.typeInfo()) : null;
            SynthesizeOperator synthesize = new SynthesizeOperator(table, spec.serving(), stable, announced,
                    statusTag, initial);
            SingleOutputStreamOperator<Row> synthesized;
            if (stable) {
                int keyPosition = table.outputSchema().indexOf(table.keyField());
                synthesized = rows.keyBy(new FieldKey(keyPosition), Types.STRING)
                        .connect(models)
                        .transform("Synthesize " + t, outputRows, synthesize);
            } else {
                synthesized = rows.connect(models).transform("Synthesize " + t, outputRows, synthesize);
            }
            synthesized.uid("synthesize-" + t);
            if (announced != null) {
                announcements.put(t, synthesized.getSideOutput(announced));
            }
            statuses.add(synthesized.getSideOutput(statusTag));
            outputs.computeIfAbsent(t, k -> new ArrayList<>()).add(synthesized);
        }

        private DataStream<Row> link(TableSpec table, ForeignKeySpec fk, DataStream<Row> rows, RowTypeInfo rowType) {
            TableSpec parent = spec.table(fk.parentTable()).orElseThrow();
            String name = table.name() + "." + fk.field();
            TypeInformation<Either<Row, ParentAnnouncement>> eitherType =
                    new EitherTypeInfo<>(rowType, ParentAnnouncement.typeInfo());
            DataStream<Either<Row, ParentAnnouncement>> children = rows
                    .map(Either::<Row, ParentAnnouncement>Left, eitherType)
                    .uid("link-left-" + name)
                    .name("Child " + name);
            DataStream<Either<Row, ParentAnnouncement>> parents = announcements.get(parent.name())
                    .map(Either::<Row, ParentAnnouncement>Right, eitherType)
                    .uid("link-right-" + name)
                    .name("Parent " + parent.name() + " for " + name);
            int foreignKeyPosition = table.outputSchema().indexOf(fk.field());
            OutputTag<Row> onDemand = new OutputTag<>("synthesized-parents-" + name,
                    TableRows.typeOf(parent.outputSchema()));
            ModelVersion parentInitial = table.synthesis().orphans() == OrphanPolicy.SYNTHESIZE
                    ? initialVersion(parent) : null;
            SingleOutputStreamOperator<Row> linked = children.union(parents)
                    .keyBy(new LinkKey(foreignKeyPosition), Types.STRING)
                    .connect(models)
                    .transform("Link " + name + " -> " + parent.name(), rowType,
                            new ParentLinkOperator(table, fk, parent, spec.serving(), rowType, onDemand, statusTag,
                                    parentInitial, initialVersion(table)));
            linked.uid("link-" + name);
            deadLetters.add(linked.getSideOutput(DeadLetters.TAG));
            statuses.add(linked.getSideOutput(statusTag));
            outputs.computeIfAbsent(parent.name(), k -> new ArrayList<>()).add(linked.getSideOutput(onDemand));
            return linked;
        }

        private void addSink(TableSpec table) {
            String t = table.name();
            union(outputs.get(t))
                    .map(new EncodeFunction(table, spec.registryUrl()), TypeInformation.of(OutputRecord.class))
                    .uid("encode-" + t)
                    .name("Encode " + t)
                    .sinkTo(ExactlyOnceSinks.of(spec.bootstrapServers(), transactionalIdPrefix(t),
                            new OutputRecordSerializationSchema(table.outputTopic(),
                                    spec.name() + "/v" + PipelineSpec.FORMAT_VERSION)))
                    .uid("sink-" + t)
                    .name("Kafka " + table.outputTopic());
        }

        /**
         * The version a table's {@code model:} names, resolved once on the client; null for none. {@code latest}
         * with no passing version yet is the bootstrap case: sanitize only until one is published.
         */
        private ModelVersion initialVersion(TableSpec table) {
            return initialVersions.computeIfAbsent(table.name(), t -> Optional.ofNullable(resolveInitial(table)))
                    .orElse(null);
        }

        private ModelVersion resolveInitial(TableSpec table) {
            String model = table.synthesis().model();
            if (model == null) {
                return null;
            }
            try {
                return loader.resolve(table);
            } catch (ModelLoadException e) {
                if (!model.equals("latest") || !(e.getCause() instanceof ArtifactException)) {
                    throw e;
                }
                LOG.warn("table {}: {}; it runs sanitize only until a version is published to {}", table.name(),
                        e.getMessage(), spec.serving().modelsTopic());
                return null;
            }
        }
    }

    private String statusTopic() {
        return spec.serving().modelsTopic() + ".status";
    }

    @SuppressWarnings("unchecked")
    private static <T> DataStream<T> union(List<DataStream<T>> streams) {
        DataStream<T> first = streams.get(0);
        return streams.size() == 1 ? first : first.union(streams.subList(1, streams.size()).toArray(new DataStream[0]));
    }

    /** A row's field as text: the key of keyed state (output keys are pseudonyms, so no raw key is ever a key). */
    private record FieldKey(int position) implements KeySelector<Row, String> {
        @Override
        public String getKey(Row row) {
            Object value = row.getField(position);
            return value == null ? "" : value.toString();
        }
    }

    private record LinkKey(int foreignKeyPosition) implements KeySelector<Either<Row, ParentAnnouncement>, String> {
        @Override
        public String getKey(Either<Row, ParentAnnouncement> element) {
            return ParentLinkOperator.keyOf(element, foreignKeyPosition);
        }
    }

    private void provisionTopics() {
        List<String> topics = new ArrayList<>();
        for (TableSpec table : spec.tables()) {
            topics.add(table.inputTopic());
            topics.add(table.outputTopic());
        }
        topics.add(spec.deadLetterTopic());
        topics.add(statusTopic());
        TopicProvisioner.ensure(spec.bootstrapServers(), topics, spec.parallelism());
        TopicProvisioner.ensureCompacted(spec.bootstrapServers(), List.of(spec.serving().modelsTopic()));
    }

    private String groupId() {
        return "shadowfeed-" + spec.name();
    }

    private String transactionalIdPrefix(String sink) {
        return "shadowfeed-" + spec.name() + "-" + sink;
    }

    /**
     * Entry point on a Flink cluster: {@code --spec FILE [--bootstrap-servers B] [--registry-url U] [--bounded]}.
     * The overrides let one spec file serve every environment.
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        boolean bounded = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--bounded" -> bounded = true;
                case "--spec", "--bootstrap-servers", "--registry-url" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(args[i] + " needs a value");
                    }
                    options.put(args[i], args[++i]);
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; usage: ShadowfeedJob --spec FILE [--bootstrap-servers B] [--registry-url U] [--bounded]");
            }
        }
        if (!options.containsKey("--spec")) {
            throw new IllegalArgumentException(
                    "usage: ShadowfeedJob --spec FILE [--bootstrap-servers B] [--registry-url U] [--bounded]");
        }
        PipelineSpec spec = PipelineSpecLoader.load(Path.of(options.get("--spec")));
        if (options.containsKey("--bootstrap-servers")) {
            spec = spec.withBootstrapServers(options.get("--bootstrap-servers"));
        }
        if (options.containsKey("--registry-url")) {
            spec = spec.withRegistryUrl(options.get("--registry-url"));
        }
        builder().setSpec(spec).optBounded(bounded).build()
                .execute(StreamExecutionEnvironment.getExecutionEnvironment());
    }

    /** Builds a {@link ShadowfeedJob}: {@code setSpec} is required, {@code opt...} are optional. */
    public static final class Builder {
        private PipelineSpec spec;
        private boolean bounded;

        private Builder() {}

        public Builder setSpec(PipelineSpec spec) {
            if (this.spec != null) {
                throw new IllegalStateException("spec already set");
            }
            this.spec = Objects.requireNonNull(spec, "spec");
            return this;
        }

        /** Read each input topic up to the offsets that are latest at start, then finish. Default: false. */
        public Builder optBounded(boolean bounded) {
            this.bounded = bounded;
            return this;
        }

        public ShadowfeedJob build() {
            if (spec == null) {
                throw new IllegalStateException("a spec is required: call setSpec(...)");
            }
            return new ShadowfeedJob(spec, bounded);
        }
    }
}
