package io.shadowfeed.job;

import io.shadowfeed.job.classify.AutoPolicyResolver;
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

/**
 * The Shadowfeed streaming job. Per table: raw Kafka bytes -> decode + validate (dead letters on the side) ->
 * watermarks from the event-time field -> sanitize by policy -> encode -> exactly-once Kafka sink. The dead letters of
 * every table go to one exactly-once sink in the raw zone.
 *
 * <p>Every operator has a stable uid derived from the table name, so savepoints survive changes to the graph.
 */
public final class ShadowfeedJob {

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
     * and adds the job's graph to the environment.
     */
    public void addTo(StreamExecutionEnvironment env) {
        provisionTopics();
        PipelineSpec spec = AutoPolicyResolver.resolve(this.spec);
        env.enableCheckpointing(spec.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
        // Chained operators then hand records over without a serializer copy (18-21% of the job's throughput,
        // docs/BENCHMARKS.md). Safe here: every operator emits a new object and keeps no reference to its input.
        env.getConfig().enableObjectReuse();
        env.setParallelism(spec.parallelism());

        List<DataStream<DeadLetter>> deadLetters = new ArrayList<>();
        for (TableSpec table : spec.tables()) {
            deadLetters.add(addTable(env, spec, table));
        }
        DataStream<DeadLetter> allDeadLetters = deadLetters.get(0);
        if (deadLetters.size() > 1) {
            allDeadLetters = allDeadLetters.union(deadLetters.subList(1, deadLetters.size())
                    .toArray(new DataStream[0]));
        }
        allDeadLetters
                .sinkTo(ExactlyOnceSinks.of(spec.bootstrapServers(), transactionalIdPrefix("dlq"),
                        new DeadLetterSerializationSchema(spec.deadLetterTopic())))
                .uid("sink-dead-letters")
                .name("Dead letters -> " + spec.deadLetterTopic());
    }

    public JobExecutionResult execute(StreamExecutionEnvironment env) throws Exception {
        addTo(env);
        return env.execute(jobName());
    }

    public JobClient executeAsync(StreamExecutionEnvironment env) throws Exception {
        addTo(env);
        return env.executeAsync(jobName());
    }

    private DataStream<DeadLetter> addTable(StreamExecutionEnvironment env, PipelineSpec spec, TableSpec table) {
        String t = table.name();
        RowTypeInfo inputRows = TableRows.typeOf(table.schema());
        RowTypeInfo outputRows = TableRows.typeOf(table.outputSchema());
        int eventTime = TableRows.eventTimePosition(table.schema());

        DataStream<RawRecord> raw = env
                .fromSource(RawSources.of(spec.bootstrapServers(), table.inputTopic(), groupId(), bounded),
                        WatermarkStrategy.noWatermarks(), "Kafka " + table.inputTopic())
                .uid("source-" + t);

        SingleOutputStreamOperator<Row> decoded = raw
                .process(new DecodeFunction(table, spec.registryUrl(), spec.maxRecordBytes()), inputRows)
                .uid("decode-" + t)
                .name("Decode + validate " + t);

        decoded
                .assignTimestampsAndWatermarks(WatermarkStrategy
                        .<Row>forBoundedOutOfOrderness(spec.maxOutOfOrderness())
                        .withTimestampAssigner((row, previous) -> (Long) row.getField(eventTime)))
                .uid("watermarks-" + t)
                .name("Event time " + t)
                .map(new SanitizeFunction(table), outputRows)
                .uid("sanitize-" + t)
                .name("Sanitize " + t)
                .map(new EncodeFunction(table, spec.registryUrl()), TypeInformation.of(OutputRecord.class))
                .uid("encode-" + t)
                .name("Encode " + t)
                .sinkTo(ExactlyOnceSinks.of(spec.bootstrapServers(), transactionalIdPrefix(t),
                        new OutputRecordSerializationSchema(table.outputTopic(),
                                spec.name() + "/v" + PipelineSpec.FORMAT_VERSION)))
                .uid("sink-" + t)
                .name("Kafka " + table.outputTopic());

        return decoded.getSideOutput(DeadLetters.TAG);
    }

    private void provisionTopics() {
        List<String> topics = new ArrayList<>();
        for (TableSpec table : spec.tables()) {
            topics.add(table.inputTopic());
            topics.add(table.outputTopic());
        }
        topics.add(spec.deadLetterTopic());
        TopicProvisioner.ensure(spec.bootstrapServers(), topics, spec.parallelism());
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
