package io.shadowfeed.job.link;

import io.shadowfeed.avro.schema.FieldSchema;
import io.shadowfeed.job.metrics.TableMetrics;
import io.shadowfeed.job.model.ModelVersion;
import io.shadowfeed.job.operator.DeadLetters;
import io.shadowfeed.job.serde.DeadLetter;
import io.shadowfeed.job.serde.TableRows;
import io.shadowfeed.job.spec.ForeignKeySpec;
import io.shadowfeed.job.spec.OrphanPolicy;
import io.shadowfeed.job.spec.ServingSpec;
import io.shadowfeed.job.spec.TableSpec;
import io.shadowfeed.job.synth.LoadedModel;
import io.shadowfeed.job.synth.ModelLoader;
import io.shadowfeed.job.synth.ModelServing;
import io.shadowfeed.job.synth.ModelStatus;
import io.shadowfeed.job.synth.ServedVersions;
import io.shadowfeed.job.synth.StateTtl;
import io.shadowfeed.trainer.data.DataTable;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.InternalTimer;
import org.apache.flink.streaming.api.operators.InternalTimerService;
import org.apache.flink.streaming.api.operators.TwoInputStreamOperator;
import org.apache.flink.streaming.api.operators.Triggerable;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.types.Either;
import org.apache.flink.types.Row;
import org.apache.flink.util.OutputTag;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Links one foreign key of a child table to its parent, keyed by the parent's output key. Input 1 carries both the
 * child's rows (left) and the parent's announcements (right), so they meet in the same keyed state; input 2 the model
 * versions, for parents generated on demand.
 *
 * <p>Keyed state per parent key: the synthetic parent's values (what its children are conditioned on) and the
 * children waiting for it. A child whose parent is known leaves at once with the parent's values added to its context
 * (as {@code <foreign key field>.<parent column>}); otherwise it waits, in state, until the parent arrives or its
 * event time plus {@code parent-wait} passes. Then, as the spec says, a parent is generated on demand, emitted on
 * {@link #synthesizedParents} for the parent's topic, and remembered, or the child is dead-lettered with reason
 * {@code ORPHAN}. A child with a null foreign key has no parent to wait for and passes.
 *
 * <p>Only output keys (pseudonyms) and anonymized values reach this state.
 */
public final class ParentLinkOperator extends AbstractStreamOperator<Row>
        implements TwoInputStreamOperator<Either<Row, ParentAnnouncement>, ModelVersion, Row>,
        Triggerable<String, VoidNamespace> {

    private static final long serialVersionUID = 1L;
    public static final String ORPHAN = "ORPHAN";

    private final TableSpec child;
    private final ForeignKeySpec foreignKey;
    private final TableSpec parent;
    private final ServingSpec servingSpec;
    private final RowTypeInfo childRows;
    private final OutputTag<Row> synthesizedParents;
    private final OutputTag<ModelStatus> statusTag;
    private final ModelVersion initialParentVersion;
    private final ModelVersion initialChildVersion;

    private transient int childArity;
    private transient int foreignKeyPosition;
    private transient int parentArity;
    private transient String prefix;
    private transient ValueState<Map<String, String>> parentValues;
    private transient ListState<Row> waiting;
    private transient ValueState<Integer> waitingSize;
    private transient InternalTimerService<VoidNamespace> timers;
    private transient ModelServing serving;
    private transient ServedVersions servedVersions;
    private transient SplittableRandom seeds;
    private transient Counter orphans;
    private transient Counter parentsSynthesized;
    private transient Counter deadLettered;
    private transient long waitingCount;
    /** The context columns the child's model is conditioned on; null: not known, every parent value is kept. */
    private transient Set<String> neededContext;

    public ParentLinkOperator(TableSpec child, ForeignKeySpec foreignKey, TableSpec parent, ServingSpec servingSpec,
            RowTypeInfo childRows, OutputTag<Row> synthesizedParents, OutputTag<ModelStatus> statusTag,
            ModelVersion initialParentVersion, ModelVersion initialChildVersion) {
        this.child = child;
        this.foreignKey = foreignKey;
        this.parent = parent;
        this.servingSpec = servingSpec;
        this.childRows = childRows;
        this.synthesizedParents = synthesizedParents;
        this.statusTag = statusTag;
        this.initialParentVersion = initialParentVersion;
        this.initialChildVersion = initialChildVersion;
    }

    /** The key of input 1: the child's foreign key, or the parent's own key, as text; "" for a null foreign key. */
    public static String keyOf(Either<Row, ParentAnnouncement> element, int foreignKeyPosition) {
        if (element.isRight()) {
            return element.right().key;
        }
        Object value = element.left().getField(foreignKeyPosition);
        return value == null ? "" : value.toString();
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        ValueStateDescriptor<Map<String, String>> parentDescriptor = new ValueStateDescriptor<>("parent",
                Types.MAP(Types.STRING, Types.STRING));
        StateTtl.apply(parentDescriptor, servingSpec.stateTtl());
        parentValues = context.getKeyedStateStore().getState(parentDescriptor);
        waiting = context.getKeyedStateStore().getListState(new ListStateDescriptor<>("waiting-children", childRows));
        waitingSize = context.getKeyedStateStore().getState(new ValueStateDescriptor<>("waiting-size", Types.INT));
        servedVersions = ServedVersions.register(context);
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        servedVersions.snapshot(serving);
    }

    @Override
    public void open() throws Exception {
        super.open();
        childArity = child.outputSchema().size();
        foreignKeyPosition = child.outputSchema().indexOf(foreignKey.field());
        parentArity = parent.outputSchema().size();
        prefix = foreignKey.field() + ".";
        timers = getInternalTimerService("parent-wait", VoidNamespaceSerializer.INSTANCE, this);
        seeds = new SplittableRandom(new SecureRandom().nextLong());
        var metrics = getRuntimeContext().getMetricGroup();
        orphans = TableMetrics.counter(metrics, child.name(), TableMetrics.ORPHANS);
        parentsSynthesized = TableMetrics.counter(metrics, parent.name(), TableMetrics.PARENTS_SYNTHESIZED);
        deadLettered = TableMetrics.counter(metrics, child.name(), TableMetrics.RECORDS_DEAD_LETTERED);
        TableMetrics.group(metrics, child.name()).gauge(TableMetrics.CHILDREN_WAITING, () -> waitingCount);
        serving = new ModelServing(
                child.synthesis().orphans() == OrphanPolicy.SYNTHESIZE ? List.of(parent) : List.of(),
                servingSpec, metrics, "link-" + child.name() + "." + foreignKey.field() + "#"
                        + getRuntimeContext().getTaskInfo().getIndexOfThisSubtask());
        ModelVersion childStart = servedVersions.startVersion(child.name(), initialChildVersion);
        neededContext = childStart == null ? null : ModelLoader.contextColumns(childStart);
        ModelVersion start = servedVersions.startVersion(parent.name(), initialParentVersion);
        if (start != null) {
            serving.loadNow(start);
        }
    }


    @Override
    public void processElement1(StreamRecord<Either<Row, ParentAnnouncement>> element) throws Exception {
        Either<Row, ParentAnnouncement> value = element.getValue();
        if (value.isRight()) {
            parentValues.update(value.right().values);
            releaseWaiting(value.right().values);
            return;
        }
        Row row = value.left();
        if (row.getField(foreignKeyPosition) == null) {
            output.collect(new StreamRecord<>(row, element.getTimestamp()));
            return;
        }
        Map<String, String> known = parentValues.value();
        if (known != null) {
            emitLinked(row, known);
            return;
        }
        Integer size = waitingSize.value();
        if (size != null && size >= child.synthesis().maxWaiting()) {
            // The bound on state a parent that never comes can pin: this child is an orphan now.
            orphans.inc();
            if (child.synthesis().orphans() == OrphanPolicy.SYNTHESIZE) {
                Map<String, String> values = synthesizeParent(getCurrentKey().toString(), row);
                parentValues.update(values);
                releaseWaiting(values);
                emitLinked(row, values);
            } else {
                deadLetter(getCurrentKey().toString(), row, "more than " + child.synthesis().maxWaiting()
                        + " records already wait for this " + parent.name() + " (max-waiting)");
            }
            return;
        }
        waiting.add(row);
        waitingSize.update(size == null ? 1 : size + 1);
        waitingCount++;
        long eventTime = (Long) row.getField(childArity);
        timers.registerEventTimeTimer(VoidNamespace.INSTANCE,
                saturatedAdd(eventTime, child.synthesis().parentWait().toMillis()));
    }

    private void releaseWaiting(Map<String, String> values) throws Exception {
        Iterable<Row> rows = waiting.get();
        if (rows == null) {
            return;
        }
        for (Row row : rows) {
            emitLinked(row, values);
            waitingCount--;
        }
        waiting.clear();
        waitingSize.clear();
    }

    private void emitLinked(Row row, Map<String, String> values) {
        @SuppressWarnings("unchecked")
        Map<String, String> context = (Map<String, String>) row.getField(childArity + 4);
        Map<String, String> merged = context == null ? new HashMap<>() : new HashMap<>(context);
        if (neededContext == null) {
            for (Map.Entry<String, String> entry : values.entrySet()) {
                merged.put(prefix + entry.getKey(), entry.getValue());
            }
        } else {
            // Only what the child's model is conditioned on travels on: the map is serialized at every exchange.
            for (String column : neededContext) {
                if (column.startsWith(prefix)) {
                    String value = values.get(column.substring(prefix.length()));
                    if (value != null) {
                        merged.put(column, value);
                    }
                }
            }
        }
        row.setField(childArity + 4, merged);
        output.collect(new StreamRecord<>(row, (Long) row.getField(childArity)));
    }

    @Override
    public void onEventTime(InternalTimer<String, VoidNamespace> timer) throws Exception {
        if (parentValues.value() != null) {
            return;
        }
        List<Row> expired = new ArrayList<>();
        List<Row> still = new ArrayList<>();
        Iterable<Row> rows = waiting.get();
        if (rows == null) {
            return;
        }
        long wait = child.synthesis().parentWait().toMillis();
        for (Row row : rows) {
            (saturatedAdd((Long) row.getField(childArity), wait) <= timer.getTimestamp() ? expired : still).add(row);
        }
        if (expired.isEmpty()) {
            return;
        }
        orphans.inc(expired.size());
        if (child.synthesis().orphans() == OrphanPolicy.SYNTHESIZE) {
            Map<String, String> values = synthesizeParent(timer.getKey(), expired.get(0));
            parentValues.update(values);
            expired.addAll(still);
            for (Row row : expired) {
                emitLinked(row, values);
            }
            waitingCount -= expired.size();
            waiting.clear();
            waitingSize.clear();
            return;
        }
        String why = "no " + parent.name() + " record with this key within " + child.synthesis().parentWait()
                + " of the record's event time";
        for (Row row : expired) {
            deadLetter(timer.getKey(), row, why);
        }
        waitingCount -= expired.size();
        waiting.update(still);
        waitingSize.update(still.size());
    }

    /** A parent made for an orphan: its key is the orphan's foreign key, its modelled values from its generator. */
    private Map<String, String> synthesizeParent(String key, Row firstChild) {
        Row parentRow = Row.withPositions(parentArity + TableRows.METADATA_FIELDS);
        Object[] values = new Object[parentArity];
        for (int i = 0; i < parentArity; i++) {
            values[i] = placeholder(parent.outputSchema().field(i));
        }
        int keyPosition = parent.outputSchema().indexOf(parent.keyField());
        values[keyPosition] = firstChild.getField(foreignKeyPosition);
        Map<String, String> described = new LinkedHashMap<>();
        LoadedModel model = serving.current(parent.name());
        for (ModelStatus status : serving.drainStatuses()) {
            output.collect(statusTag, new StreamRecord<>(status));
        }
        if (model != null) {
            DataTable generated = model.sample(1, seeds.nextLong());
            model.columns().describe(generated, 0, described);
            model.columns().fill(generated, 0, values);
        }
        for (int i = 0; i < parentArity; i++) {
            parentRow.setField(i, values[i]);
        }
        TableRows.copyMetadata(firstChild, childArity, parentRow, parentArity);
        parentRow.setField(parentArity + 2, -1);
        parentRow.setField(parentArity + 3, -1L);
        parentRow.setField(parentArity + 4, null);
        parentRow.setField(parentArity + 5, model == null ? TableRows.NO_MODEL : model.label());
        output.collect(synthesizedParents, new StreamRecord<>(parentRow, (Long) firstChild.getField(childArity)));
        parentsSynthesized.inc();
        Map<String, String> announced = new HashMap<>();
        for (int i = 0; i < parentArity; i++) {
            if (values[i] != null && !(values[i] instanceof byte[])) {
                announced.put(parent.outputSchema().field(i).name(), values[i].toString());
            }
        }
        announced.putAll(described);
        return announced;
    }

    /** What a field of a parent made on demand holds when its generator does not cover it. */
    private static Object placeholder(FieldSchema field) {
        if (field.nullable()) {
            return null;
        }
        return switch (field.type()) {
            case STRING -> "";
            case INT, DATE -> 0;
            case LONG, TIMESTAMP_MILLIS -> 0L;
            case FLOAT -> 0f;
            case DOUBLE -> 0d;
            case BOOLEAN -> false;
            case BYTES -> new byte[0];
        };
    }

    private void deadLetter(String key, Row row, String why) {
        deadLettered.inc();
        DeadLetter letter = new DeadLetter();
        letter.table = child.name();
        letter.reason = ORPHAN;
        letter.detail = why + " (foreign key " + foreignKey.field() + "); the original bytes are at the source offset";
        letter.sourceTopic = child.inputTopic();
        letter.sourcePartition = (Integer) row.getField(childArity + 2);
        letter.sourceOffset = (Long) row.getField(childArity + 3);
        letter.sourceTimestamp = (Long) row.getField(childArity + 1);
        letter.key = key.getBytes(StandardCharsets.UTF_8);
        letter.value = null;
        output.collect(DeadLetters.TAG, new StreamRecord<>(letter, (Long) row.getField(childArity)));
    }

    @Override
    public void onProcessingTime(InternalTimer<String, VoidNamespace> timer) {
    }

    @Override
    public void processElement2(StreamRecord<ModelVersion> element) {
        ModelVersion version = element.getValue();
        if (version.table().equals(child.name()) && version.gatePassed()) {
            // A new child model may be conditioned on other parent values: follow it (all of them if unreadable).
            neededContext = ModelLoader.contextColumns(version);
        }
        serving.offer(version);
    }

    /** Only the data's event time matters: the model stream carries no event time and must not hold it back. */
    @Override
    public void processWatermark1(Watermark mark) throws Exception {
        processWatermark(mark);
    }

    @Override
    public void processWatermark2(Watermark mark) {
    }

    @Override
    public void close() throws Exception {
        if (serving != null) {
            serving.close();
        }
        super.close();
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
